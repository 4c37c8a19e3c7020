import { useCallback, useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { TipMessageResponse } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { Chips } from '../activity/Chips';
import { ErrorState, InlineError, LoadingState } from '../States';
import { errorText } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';

/** The messages, oldest first; an internal note is marked in words, not only by colour. */
function Messages({ messages }: { messages: TipMessageResponse[] }) {
  if (!messages.length) return <Text className="jh-block jh-muted">还没有留言</Text>;
  return (
    <View>
      {messages.map((m) => (
        <View
          key={m.id}
          className={`jh-tip-msg${m.fromStaff ? ' jh-tip-msg--staff' : ''}${m.internal ? ' jh-tip-msg--internal' : ''}`}
          data-testid="tip-message"
        >
          <Text className="jh-tip-msg__who">
            {m.author}
            {m.internal ? '（内部备注，义警看不到）' : ''} ·{' '}
            <Text className="jh-time">{formatDateTime(m.createdAt)}</Text>
          </Text>
          <Text className="jh-block">{m.text}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The messages of one tip, oldest first, and a box to write. The guard sees staff as 民警; staff may mark a
 * message 内部备注 (`withInternal`), which the guard never sees.
 */
export function TipThread({
  load,
  send,
  withInternal,
  reloadKey,
}: {
  load: () => Promise<TipMessageResponse[]>;
  send: (text: string, internal: boolean) => Promise<unknown>;
  withInternal?: boolean;
  reloadKey?: unknown;
}) {
  const [messages, setMessages] = useState<TipMessageResponse[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    setLoadError(null);
    try {
      setMessages(await load());
    } catch (error) {
      setLoadError(errorText(error));
    }
  }, [load]);
  useEffect(() => {
    void refresh();
  }, [refresh, reloadKey]);
  const submit = async () => {
    if (!text.trim()) {
      setSendError('请先写下要说的话');
      return;
    }
    setBusy(true);
    setSendError(null);
    try {
      await send(text.trim(), internal);
      setText('');
      await refresh();
    } catch (error) {
      setSendError(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="tip-thread">
      <Text className="jh-section-title jh-block">留言</Text>
      {loadError ? <ErrorState message={loadError} onRetry={() => void refresh()} testId="thread-error" /> : null}
      {!messages && !loadError ? <LoadingState /> : null}
      {messages ? <Messages messages={messages} /> : null}
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '120px', width: '100%', padding: '10px 14px' }}
        value={text}
        maxlength={500}
        placeholder={withInternal ? '写给上报的义警（或内部备注）' : '补充情况或回复民警'}
        onInput={(e) => setText(e.detail.value)}
        data-testid="tip-message-input"
      />
      {withInternal ? (
        <Chips
          options={[
            { value: 'public', label: '给义警看' },
            { value: 'internal', label: '内部备注' },
          ]}
          value={internal ? 'internal' : 'public'}
          onChange={(v) => setInternal(v === 'internal')}
          testId="tip-internal"
        />
      ) : null}
      <InlineError message={sendError} testId="tip-message-error" />
      <BigButton onClick={() => void submit()} loading={busy} loadingText="正在发送…" testId="tip-message-send">
        {internal ? '保存内部备注' : '发送留言'}
      </BigButton>
    </View>
  );
}
