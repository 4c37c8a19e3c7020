import { useCallback, useEffect, useRef } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MallOrderResponse, OrgUnitNode } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { PayBox } from '../../components/mall/PayBox';
import { PickupCode } from '../../components/mall/PickupCode';
import { useResource } from '../../hooks/useResource';
import { useCancelOrder } from '../../hooks/useCancelOrder';
import { useMallPay } from '../../hooks/useMallPay';
import { useNow } from '../../hooks/useNow';
import { formatDateTime } from '../../logic/format';
import { canCancel, orderPriceText, orderStatusText, orderSteps, refundText } from '../../logic/mall';
import { PAGES } from '../../logic/routes';
import { fetchCommunities } from '../../services/applications';
import { myOrder } from '../../services/mall';
import '../../components/activity/activity.css';
import '../../components/mall/mall.css';

async function load(id: number): Promise<{ order: MallOrderResponse; placeName: string }> {
  const order = await myOrder(id);
  if (order.pickupStationId === null) return { order, placeName: '邮寄/配送' };
  const stations: OrgUnitNode[] = await fetchCommunities().catch(() => []);
  const name = stations.find((s) => s.id === order.pickupStationId)?.name;
  return { order, placeName: name ?? '您选择的服务站' };
}

function Steps({ o }: { o: MallOrderResponse }) {
  return (
    <View className="jh-mall-steps" data-testid="mall-order-steps">
      {orderSteps(o).map((s) => (
        <View key={s.label} className={`jh-mall-step${s.done ? ' jh-mall-step--done' : ''}`}>
          <Text>
            {s.done ? '✓ ' : '○ '}
            {s.label}
          </Text>
          <Text className="jh-time">{s.at ?? (s.done ? '' : '尚未')}</Text>
        </View>
      ))}
    </View>
  );
}

function Facts({ o, placeName }: { o: MallOrderResponse; placeName: string }) {
  return (
    <View className="jh-card">
      <InfoRow label="订单号" value={String(o.id)} />
      <InfoRow label="积分/金额" value={orderPriceText(o)} />
      <InfoRow label="数量" value={`${o.quantity} 件`} />
      <InfoRow label="领取地点" value={placeName} testId="mall-order-place" />
      <InfoRow label="下单时间" value={<Text className="jh-time">{formatDateTime(o.createdAt)}</Text>} />
    </View>
  );
}

function Refund({ o }: { o: MallOrderResponse }) {
  const text = refundText(o);
  if (!text) return null;
  return (
    <View className="jh-card" data-testid="mall-refund">
      <Text className="jh-section-title jh-block">退款</Text>
      {/* a sentence, not a right-aligned row value: a reason of 2–100 characters wraps as text, left to right */}
      {o.refundReason ? <Text className="jh-block">退款原因：{o.refundReason}</Text> : null}
      <Text className="jh-block">{text}</Text>
    </View>
  );
}

/** One order: its steps, where to pick it up, the pickup code and QR once ready, paying or cancelling where allowed. */
export default function MallOrderPage() {
  const params = useRouter().params;
  const id = Number(params.id);
  const res = useResource(
    useCallback(() => load(id), [id]),
    `mall-order:${id}`,
  );
  const order = res.status === 'ready' ? res.data.order : null;
  const replaceOrder = (o: MallOrderResponse) => res.status === 'ready' && res.replace({ ...res.data, order: o });
  const payment = useMallPay(replaceOrder);
  const cancel = useCancelOrder(replaceOrder);
  const now = useNow(1000, order?.status === 'pending_payment');
  // Placed just now with a cash part (or 去支付 in the list): start paying once, straight away.
  const autoPaid = useRef(false);
  useEffect(() => {
    if (params.pay === '1' && order?.status === 'pending_payment' && !autoPaid.current) {
      autoPaid.current = true;
      void payment.pay(order);
    }
  }, [params.pay, order, payment]);
  usePullDownRefresh(() => void res.refresh().finally(() => Taro.stopPullDownRefresh()));

  if (res.status === 'loading')
    return (
      <Screen testId="mall-order">
        <LoadingState text="正在加载订单…" />
      </Screen>
    );
  if (res.status === 'error')
    return (
      <Screen testId="mall-order">
        <ErrorState message={res.error} onRetry={res.reload} />
      </Screen>
    );
  const { order: o, placeName } = res.data;
  return (
    <Screen testId="mall-order">
      <View className="jh-card">
        <Text className="jh-title jh-block" data-testid="mall-order-state">
          {orderStatusText(o)}
        </Text>
        <Text className="jh-block">{o.productName}</Text>
        <Steps o={o} />
      </View>
      {o.status === 'pending_payment' ? (
        <PayBox o={o} now={now} state={payment.state} onPay={() => void payment.pay(o)} />
      ) : null}
      {payment.state.kind === 'paid' ? (
        <Text className="jh-block jh-notice" data-testid="mall-paid-notice">
          支付成功，等服务站备货完成后会通知您来领取。
        </Text>
      ) : null}
      <PickupCode o={o} placeName={placeName} />
      <Refund o={o} />
      <Facts o={o} placeName={placeName} />
      <InlineError message={cancel.error?.message ?? null} testId="mall-order-cancel-error" />
      {canCancel(o) && !payment.busy ? (
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
      <BigButton
        kind="secondary"
        onClick={() => void Taro.redirectTo({ url: PAGES.mallOrders })}
        testId="mall-order-all"
      >
        我的全部订单
      </BigButton>
    </Screen>
  );
}
