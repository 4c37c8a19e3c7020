import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { NotificationResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { withWholeDates } from '../../components/WholeDates';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { messageTapHint, messageTarget } from '../../logic/inbox';
import { fetchMessages, markMessageRead } from '../../services/applications';
import '../../components/enrolment.css';
import { openPage } from '../../hooks/navigate';

/** One message: a tap marks it read and, when it links to a page (an application, the transfers …), opens that page. */
function MessageRow({ message, read, onRead }: { message: NotificationResponse; read: boolean; onRead: () => void }) {
  const target = messageTarget(message.page);
  const onTap = () => {
    if (!read) onRead();
    if (target) openPage(target);
  };
  return (
    <View
      className={`jh-message${read ? '' : ' jh-message--unread'}`}
      onClick={read && !target ? undefined : onTap}
      data-testid="message-item"
      data-template={message.template}
    >
      <Text className="jh-message__title">
        {read ? '' : '【未读】'}
        {message.title}
      </Text>
      <Text className="jh-block" style={{ marginTop: '6px' }}>
        {withWholeDates(message.body)}
      </Text>
      <Text className="jh-message__meta">
        {formatDateTime(message.createdAt)}
        {` · ${messageTapHint(read, !!target)}`}
      </Text>
    </View>
  );
}

export default function MessagesPage() {
  const [readIds, setReadIds] = useState<Set<number>>(new Set());
  const [unread, setUnread] = useState<number | null>(null);
  const fetchPage = useCallback(async (page: number) => {
    const result = await fetchMessages(page, PAGE_SIZE);
    setUnread(result.unread);
    return result;
  }, []);
  const list = usePagedList(fetchPage, 'messages');

  const onRead = (id: number) => {
    setReadIds((prev) => new Set(prev).add(id));
    setUnread((n) => (n ? n - 1 : n));
    void markMessageRead(id).catch(() => {
      setReadIds((prev) => {
        const next = new Set(prev);
        next.delete(id);
        return next;
      });
    });
  };

  return (
    <Screen testId="messages">
      {unread !== null ? (
        <Text className="jh-block jh-muted" data-testid="messages-unread">
          {unread > 0 ? `您有 ${unread} 条未读消息` : '没有未读消息'}
        </Text>
      ) : null}
      {list.status === 'loading' ? <LoadingState text="正在加载消息…" /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={list.reload} /> : null}
      {list.status !== 'loading' && list.status !== 'error' && list.items.length === 0 ? (
        <EmptyState text="还没有消息。申请结果、活动提醒、审核超时等会显示在这里。" />
      ) : null}
      {list.status !== 'loading' && list.status !== 'error' ? (
        <View data-testid="message-list">
          {list.items.map((m) => (
            <MessageRow key={m.id} message={m} read={m.read || readIds.has(m.id)} onRead={() => onRead(m.id)} />
          ))}
          {list.status === 'moreError' ? (
            <ErrorState
              message={list.error ?? ''}
              onRetry={list.loadMore}
              retryLabel="重新加载下一页"
              testId="more-error"
            />
          ) : null}
          {list.hasMore && list.status !== 'moreError' ? (
            <BigButton
              kind="secondary"
              onClick={list.loadMore}
              loading={list.status === 'loadingMore'}
              loadingText="正在加载…"
              testId="load-more"
            >
              加载更多
            </BigButton>
          ) : null}
        </View>
      ) : null}
    </Screen>
  );
}
