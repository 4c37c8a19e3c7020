import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MallOrderResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { useResource } from '../../hooks/useResource';
import { useCancelOrder } from '../../hooks/useCancelOrder';
import { useNow } from '../../hooks/useNow';
import { formatDateTime } from '../../logic/format';
import {
  ORDER_TABS,
  canCancel,
  canPay,
  groupOrders,
  orderPriceText,
  orderStatusText,
  payCountdown,
  type OrderTab,
} from '../../logic/mall';
import { PAGES, pageUrl } from '../../logic/routes';
import { myOrders } from '../../services/mall';
import '../../components/activity/activity.css';
import '../../components/mall/mall.css';

/** A guard's orders are few: the newest 100 are grouped on the phone. */
const ORDERS_SHOWN = 100;

function OrderRow({
  o,
  now,
  cancel,
}: {
  o: MallOrderResponse;
  now: number;
  cancel: ReturnType<typeof useCancelOrder>;
}) {
  const open = (pay?: boolean) =>
    void Taro.navigateTo({ url: pageUrl(PAGES.mallOrder, pay ? { id: o.id, pay: 1 } : { id: o.id }) });
  const countdown = o.status === 'pending_payment' ? payCountdown(o.createdAt, now) : null;
  return (
    <View className="jh-mall-row" data-testid="mall-order-row" data-order-id={o.id}>
      <View onClick={() => open()}>
        <Text className="jh-mall-row__title">{o.productName}</Text>
        <Text className="jh-mall-row__line" data-testid="mall-order-status">
          状态：{orderStatusText(o)}
        </Text>
        <Text className="jh-mall-row__line">{orderPriceText(o)}</Text>
        <Text className="jh-mall-row__line">
          订单号 {o.id} · <Text className="jh-time">{formatDateTime(o.createdAt)}</Text>
        </Text>
        {countdown ? <Text className="jh-mall-row__line jh-notice">请在 15 分钟内付款，{countdown}</Text> : null}
        <Text className="jh-mall-row__line jh-link">查看详情 ›</Text>
      </View>
      {cancel.error?.id === o.id ? (
        <InlineError message={cancel.error.message} testId="mall-order-cancel-error" />
      ) : null}
      {canPay(o, now) ? (
        <BigButton onClick={() => open(true)} testId="mall-order-pay">
          去支付
        </BigButton>
      ) : null}
      {canCancel(o) ? (
        <BigButton
          kind="secondary"
          onClick={() => void cancel.cancel(o)}
          loading={cancel.busyId === o.id}
          loadingText="正在取消…"
          testId="mall-order-cancel"
        >
          取消订单
        </BigButton>
      ) : null}
    </View>
  );
}

/** 我的订单: chips by status (待付款 / 待领取 / 已完成 / 已取消/退款), each order with 去支付 and 取消 where allowed. */
export default function MallOrdersPage() {
  const orders = useResource(
    useCallback(() => myOrders(1, ORDERS_SHOWN), []),
    'mall-orders',
  );
  const [tab, setTab] = useState<OrderTab | null>(null);
  const items = orders.status === 'ready' ? orders.data.items : [];
  const groups = groupOrders(items);
  const now = useNow(1000, groups.pending.length > 0);
  const cancel = useCancelOrder(() => void orders.refresh());
  useDidShow(() => {
    if (orders.status === 'ready') void orders.refresh();
  });
  usePullDownRefresh(() => void orders.refresh().finally(() => Taro.stopPullDownRefresh()));

  if (orders.status === 'loading')
    return (
      <Screen testId="mall-orders">
        <LoadingState text="正在加载订单…" />
      </Screen>
    );
  if (orders.status === 'error')
    return (
      <Screen testId="mall-orders">
        <ErrorState message={orders.error} onRetry={orders.reload} />
      </Screen>
    );
  // First visit: the first tab that has orders (what needs doing comes first).
  const shown = tab ?? ORDER_TABS.find((t) => groups[t.value].length)?.value ?? 'pending';
  const options = ORDER_TABS.map((t) => ({ value: t.value, label: `${t.label}（${groups[t.value].length}）` }));
  return (
    <Screen testId="mall-orders">
      <Chips options={options} value={shown} onChange={setTab} testId="mall-order-tab" />
      {items.length === 0 ? (
        <EmptyState text="您还没有兑换过商品。点下面的“去积分商城”挑选。" />
      ) : groups[shown].length === 0 ? (
        <EmptyState text="这一类下没有订单。点上面的其他类别看看。" />
      ) : (
        groups[shown].map((o) => <OrderRow key={o.id} o={o} now={now} cancel={cancel} />)
      )}
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.mallHome })}
        testId="mall-orders-shop"
      >
        去积分商城
      </BigButton>
    </Screen>
  );
}
