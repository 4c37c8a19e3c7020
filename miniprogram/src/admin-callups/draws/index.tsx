import { useCallback, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { CALLUP_MODE_LABELS, VOLUNTEER_TIER_LABELS, type DrawInboxItem } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { InlineError } from '../../components/States';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { decideDraw, drawInbox } from '../../services/callups';
import '../../components/callups/callups.css';

function DrawCard({ d, onDecided }: { d: DrawInboxItem; onDecided: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'accept' | 'decline') => {
    if (decision === 'decline' && !reason.trim()) return setError('请写明不同意抽调的原因');
    setBusy(true);
    setError(null);
    try {
      await decideDraw(d.id, decision === 'accept' ? { decision } : { decision, reason: reason.trim() });
      onDecided();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-cu-row jh-cu-row--open" data-testid="draw-card">
      <Text className="jh-cu-title">
        {d.fromUnitName} 请求抽调 {d.count} 人
      </Text>
      <Text className="jh-cu-line">
        指令：{d.callupTitle}（{CALLUP_MODE_LABELS[d.callup.mode]}）
      </Text>
      <Text className="jh-cu-line">{d.callup.task}</Text>
      <Text className="jh-cu-line">
        集合：{d.callup.rallyAddress} · 截止 <Text className="jh-time">{formatDateTime(d.callup.deadlineAt)}</Text>
      </Text>
      <Text className="jh-cu-line">
        {d.requestedByName} · <Text className="jh-time">{formatDateTime(d.createdAt)}</Text>
      </Text>
      <Text className="jh-cu-strong">将派出（{d.volunteers.length} 人）：</Text>
      {d.volunteers.map((v) => (
        <Text key={v.volunteerId} className="jh-cu-line">
          {v.name} · {v.stationName} · {VOLUNTEER_TIER_LABELS[v.tier]}
        </Text>
      ))}
      <InlineError message={error} testId="draw-decide-error" />
      {declining ? (
        <View>
          <Text className="jh-block">不同意的原因</Text>
          <Textarea
            className="jh-cu-input jh-cu-textarea"
            value={reason}
            maxlength={200}
            onInput={(e) => setReason(e.detail.value)}
            data-testid="draw-decline-reason"
          />
          <BigButton kind="danger" onClick={() => void decide('decline')} loading={busy} testId="draw-decline-confirm">
            确认不同意
          </BigButton>
        </View>
      ) : (
        <View>
          <BigButton
            onClick={() => void decide('accept')}
            loading={busy}
            loadingText="正在通知义警…"
            testId="draw-accept"
          >
            同意抽调，通知这些义警
          </BigButton>
          <BigButton kind="secondary" onClick={() => setDeclining(true)} testId="draw-decline">
            不同意
          </BigButton>
        </View>
      )}
    </View>
  );
}

/** 抽调审批: other units' requests for this branch's volunteers, each accepted (they are then called) or declined. */
export default function DrawInboxPage() {
  const list = usePagedList(
    useCallback((page: number) => drawInbox(page, PAGE_SIZE), []),
    'draw-inbox',
    { reloadOnShow: true },
  );
  return (
    <Screen testId="draw-inbox">
      <PagedListView
        list={list}
        testId="draw-list"
        emptyText="没有待审批的抽调请求。"
        countLabel={(total) => `${total} 个待审批`}
        renderItem={(d) => <DrawCard key={d.id} d={d} onDecided={list.reload} />}
      />
    </Screen>
  );
}
