import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TIP_CATEGORY_LABELS, TIP_URGENCY_LABELS, type MyTipResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { InfoRow } from '../../components/Choice';
import { ErrorState, LoadingState } from '../../components/States';
import { TipPhotos } from '../../components/tips/TipPhotos';
import { TipThread } from '../../components/tips/TipThread';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { tipStatusHint, tipStatusText } from '../../logic/tips';
import { myTip, myTipMessages, writeMyTipMessage } from '../../services/tips';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function Outcome({ t }: { t: MyTipResponse }) {
  if (t.status === 'closed' && t.result)
    return (
      <View className="jh-card" data-testid="tip-result">
        <Text className="jh-section-title jh-block">处理结果</Text>
        <Text className="jh-block">{t.result}</Text>
        {t.rewardPoints ? (
          <Text className="jh-notice jh-block" data-testid="tip-reward">
            这条线索获得奖励 {t.rewardPoints} 积分，已记入我的积分
          </Text>
        ) : null}
      </View>
    );
  if (t.status === 'rejected' && t.rejectReason)
    return (
      <View className="jh-card" data-testid="tip-reject-reason">
        <Text className="jh-section-title jh-block">未采纳的原因</Text>
        <Text className="jh-block">{t.rejectReason}</Text>
      </View>
    );
  return null;
}

/** One of the guard's tips: status in words, the result or the reason, photos and the thread with 民警. */
export default function MyTipPage() {
  const id = Number(useRouter().params.id);
  const tip = useResource(
    useCallback(() => myTip(id), [id]),
    `tip:${id}`,
  );
  usePullDownRefresh(() => void tip.refresh().finally(() => Taro.stopPullDownRefresh()));
  const load = useCallback(() => myTipMessages(id), [id]);
  const send = useCallback((text: string) => writeMyTipMessage(id, text), [id]);
  if (tip.status === 'loading')
    return (
      <Screen testId="my-tip">
        <LoadingState />
      </Screen>
    );
  if (tip.status === 'error')
    return (
      <Screen testId="my-tip">
        <ErrorState message={tip.error} onRetry={tip.reload} />
      </Screen>
    );
  const t = tip.data;
  return (
    <Screen testId="my-tip">
      <View className="jh-card">
        <Text className="jh-title jh-block" data-testid="tip-status">
          {tipStatusText(t.status)}
        </Text>
        <Text className="jh-block jh-muted">{tipStatusHint(t.status)}</Text>
      </View>
      <Outcome t={t} />
      <View className="jh-card">
        <InfoRow label="类别" value={TIP_CATEGORY_LABELS[t.category]} />
        <InfoRow label="紧急程度" value={TIP_URGENCY_LABELS[t.urgency]} />
        <InfoRow label="情况" value={t.text} />
        <InfoRow label="发生时间" value={formatDateTime(t.occurredAt)} />
        <InfoRow label="地点" value={t.address || '未填'} />
        <InfoRow label="派出所" value={t.stationName} />
        <TipPhotos photos={t.photos} />
      </View>
      <TipThread load={load} send={send} reloadKey={t.updatedAt} />
    </Screen>
  );
}
