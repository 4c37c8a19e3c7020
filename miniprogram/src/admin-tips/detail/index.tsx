import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TIP_CATEGORY_LABELS, TIP_URGENCY_LABELS, type AdminTipResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { ErrorState, LoadingState } from '../../components/States';
import { TipPhotos } from '../../components/tips/TipPhotos';
import { ToDisputeButton } from '../../components/casework/ToDisputeButton';
import { TipThread } from '../../components/tips/TipThread';
import { formatDateTime } from '../../logic/format';
import { TIP_ACTION_LABELS, tipStatusText } from '../../logic/tips';
import { adminTipMessages, writeAdminTipMessage } from '../../services/tips';
import { ActionPanel } from './ActionPanel';
import { GradePanel } from './GradePanel';
import { useTipTriage, type TipTriage } from './useTipTriage';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function Submitter({ t, x }: { t: AdminTipResponse; x: TipTriage }) {
  if (x.revealed)
    return (
      <View data-testid="tip-submitter-revealed">
        <InfoRow label="上报人" value={`${x.revealed.name} · ${x.revealed.memberNo}`} />
        <InfoRow label="电话" value={x.revealed.phone ?? '未留'} />
      </View>
    );
  return (
    <View>
      <InfoRow label="上报人" value={t.submitter} testId="tip-submitter" />
      <BigButton kind="secondary" onClick={() => void x.reveal()} loading={x.revealing} testId="tip-reveal">
        查看身份
      </BigButton>
    </View>
  );
}

function Trail({ t }: { t: AdminTipResponse }) {
  return (
    <View className="jh-card" data-testid="tip-trail">
      <Text className="jh-section-title jh-block">处理记录</Text>
      <Text className="jh-block">
        <Text className="jh-time">{formatDateTime(t.createdAt)}</Text> 义警上报
      </Text>
      {t.events.map((e, i) => (
        <Text key={i} className="jh-block">
          <Text className="jh-time">{formatDateTime(e.createdAt)}</Text> {e.actorName}{' '}
          {TIP_ACTION_LABELS[e.action as keyof typeof TIP_ACTION_LABELS] ?? e.action} → {tipStatusText(e.toStatus)}
        </Text>
      ))}
    </View>
  );
}

/** One tip for an officer: what was seen, who sent it (masked), the trail, the allowed actions and the thread. */
export default function AdminTipPage() {
  const id = Number(useRouter().params.id);
  const x = useTipTriage(id);
  usePullDownRefresh(() => void x.tip.refresh().finally(() => Taro.stopPullDownRefresh()));
  const load = useCallback(() => adminTipMessages(id), [id]);
  const send = useCallback((text: string, internal: boolean) => writeAdminTipMessage(id, { text, internal }), [id]);
  if (x.tip.status === 'loading')
    return (
      <Screen testId="admin-tip">
        <LoadingState />
      </Screen>
    );
  if (x.tip.status === 'error')
    return (
      <Screen testId="admin-tip">
        <ErrorState message={x.tip.error} onRetry={x.tip.reload} />
      </Screen>
    );
  const t = x.tip.data;
  return (
    <Screen testId="admin-tip">
      {x.notice ? (
        <Text className="jh-notice jh-block" data-testid="tip-state-changed">
          {x.notice}
        </Text>
      ) : null}
      <View className="jh-card">
        <Text className="jh-title jh-block" data-testid="admin-tip-status">
          {tipStatusText(t.status)}
          {t.urgency === 'urgent' ? <Text className="jh-tip-urgent">紧急</Text> : null}
          {t.escalatedAt ? <Text className="jh-tip-urgent">已超时上报分局</Text> : null}
        </Text>
        <InfoRow label="类别" value={TIP_CATEGORY_LABELS[t.category]} />
        <InfoRow label="紧急程度" value={TIP_URGENCY_LABELS[t.urgency]} />
        <InfoRow label="情况" value={t.text} testId="admin-tip-text" />
        <InfoRow label="发生时间" value={<Text className="jh-time">{formatDateTime(t.occurredAt)}</Text>} />
        <InfoRow label="地点" value={t.address || '未填'} />
        <InfoRow label="派出所" value={t.stationName} />
        {t.result ? <InfoRow label="办结结果" value={t.result} /> : null}
        {t.rejectReason ? <InfoRow label="不予采纳原因" value={t.rejectReason} /> : null}
        <Submitter t={t} x={x} />
        <TipPhotos photos={t.photos} />
      </View>
      <ActionPanel t={t} x={x} />
      <ToDisputeButton tip={t} />
      <GradePanel t={t} onGraded={() => void x.tip.refresh()} />
      <Trail t={t} />
      <TipThread load={load} send={send} withInternal reloadKey={t.version} />
    </Screen>
  );
}
