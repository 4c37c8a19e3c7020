import { useCallback, useMemo, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MallStats } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { useResource } from '../../hooks/useResource';
import { STATS_PERIODS, statsRange, yuanText, type StatsPeriod } from '../../logic/mall-admin';
import { mallStats } from '../../services/mall-admin';
import '../../components/activity/activity.css';
import '../mall-admin.css';

function Row({ cells, head, testId }: { cells: (string | number)[]; head?: boolean; testId?: string }) {
  return (
    <View className={`jh-mall-table__row${head ? ' jh-mall-table__head' : ''}`} data-testid={testId}>
      {cells.map((c, i) => (
        <Text key={i} className={`jh-mall-table__cell${i === 0 ? ' jh-mall-table__cell--name' : ''}`}>
          {c}
        </Text>
      ))}
    </View>
  );
}

function Sales({ s }: { s: MallStats }) {
  const total = s.sales.reduce(
    (t, r) => ({
      orders: t.orders + r.orders,
      units: t.units + r.units,
      points: t.points + r.pointsRedeemed,
      cash: t.cash + r.cashFen,
    }),
    { orders: 0, units: 0, points: 0, cash: 0 },
  );
  return (
    <View className="jh-card" data-testid="mall-stats-sales">
      <Text className="jh-section-title jh-block">兑换情况（按商品所属单位）</Text>
      <Text className="jh-block jh-muted">已退款、已取消的订单不计入</Text>
      <View className="jh-mall-table">
        <Row head cells={['单位', '订单', '件数', '积分', '现金(¥)']} />
        {s.sales.map((r) => (
          <Row
            key={r.orgUnitId}
            cells={[r.orgName, r.orders, r.units, r.pointsRedeemed, yuanText(r.cashFen)]}
            testId="mall-stats-sales-row"
          />
        ))}
        <Row
          head
          cells={['合计', total.orders, total.units, total.points, yuanText(total.cash)]}
          testId="mall-stats-total"
        />
      </View>
    </View>
  );
}

function Liability({ s }: { s: MallStats }) {
  const total = s.liability.reduce((t, r) => t + r.points, 0);
  return (
    <View className="jh-card" data-testid="mall-stats-liability">
      <Text className="jh-section-title jh-block">义警未兑换的积分（按发放单位，当前）</Text>
      <View className="jh-mall-table">
        <Row head cells={['发放单位', '积分']} />
        {s.liability.map((r) => (
          <Row key={r.orgUnitId} cells={[r.orgName, r.points]} testId="mall-stats-liability-row" />
        ))}
        <Row head cells={['合计', total]} testId="mall-stats-liability-total" />
      </View>
    </View>
  );
}

/** 商城统计: what was redeemed in a period per product org, and the points still held per issuing org. */
export default function MallStatsPage() {
  const [period, setPeriod] = useState<StatsPeriod>('month');
  const range = useMemo(() => statsRange(period, new Date()), [period]);
  const stats = useResource(
    useCallback(() => mallStats(range), [range]),
    `mall-stats:${range.from}:${range.to}`,
  );
  useDidShow(() => {
    if (stats.status === 'ready') void stats.refresh();
  });
  usePullDownRefresh(() => void stats.refresh().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen testId="admin-mall-stats">
      <Chips options={STATS_PERIODS} value={period} onChange={setPeriod} testId="mall-stats-period" />
      <Text className="jh-block jh-muted" data-testid="mall-stats-range">
        {range.from} 至 {range.to}
      </Text>
      {stats.status === 'loading' ? <LoadingState /> : null}
      {stats.status === 'error' ? <ErrorState message={stats.error} onRetry={stats.reload} /> : null}
      {stats.status === 'ready' ? (
        <>
          {stats.data.sales.length ? (
            <Sales s={stats.data} />
          ) : (
            <Text className="jh-block jh-notice">这段时间还没有兑换。</Text>
          )}
          <Liability s={stats.data} />
        </>
      ) : null}
    </Screen>
  );
}
