import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyInsuranceResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { InfoRow } from '../../components/Choice';
import { useResource } from '../../hooks/useResource';
import { myCoverViews, type CoverState, type CoverView } from '../../logic/insurance';
import { myInsurance } from '../../services/activities';
import '../../components/activity/activity.css';

const BOX: Record<CoverState, string> = {
  active: 'jh-status-box--ok',
  expiring: 'jh-status-box--wait',
  upcoming: 'jh-status-box--wait',
  expired: 'jh-status-box--off',
};

function Cover({ cover }: { cover: CoverView }) {
  return (
    <View className={`jh-status-box ${BOX[cover.state]}`} data-testid="cover" data-state={cover.state}>
      <Text className="jh-status-box__label" data-testid="cover-state">
        {cover.label}
      </Text>
      <InfoRow label="保险公司" value={cover.insurer} />
      <InfoRow label="保单号" value={cover.policyNo} />
      <InfoRow label="保障期" value={cover.period} testId="cover-period" />
      <Text className="jh-block">{cover.note}</Text>
    </View>
  );
}

/** 我的保险: the guard's accident cover, now and before, and what it is for. */
export default function MyInsurancePage() {
  const res = useResource<MyInsuranceResponse>(myInsurance, 'mine');
  usePullDownRefresh(() => void res.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (res.status !== 'ready')
    return (
      <Screen testId="my-insurance">
        {res.status === 'loading' ? (
          <LoadingState text="正在加载保险…" />
        ) : (
          <ErrorState message={res.error} onRetry={res.reload} />
        )}
      </Screen>
    );
  const { current, past } = myCoverViews(res.data, new Date());
  return (
    <Screen testId="my-insurance">
      <Text className="jh-block jh-muted">
        意外保险由派出所统一办理。高风险活动（如应急处突）和要求保险的活动，只有保险在活动期间有效才能报名。
      </Text>
      {current.length ? (
        current.map((c) => <Cover key={c.id} cover={c} />)
      ) : (
        <EmptyState text="您现在没有有效的意外保险。需要参加高风险活动时，请联系您所属派出所的民警办理投保。" />
      )}
      {past.length ? (
        <>
          <Text className="jh-section-title">以前的保险</Text>
          {past.map((c) => (
            <Cover key={c.id} cover={c} />
          ))}
        </>
      ) : null}
    </Screen>
  );
}
