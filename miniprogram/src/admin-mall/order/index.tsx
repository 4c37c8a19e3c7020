import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { hasPermission, type MallAdminOrderDetail } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { useSession } from '../../hooks/useSession';
import { formatDateTime } from '../../logic/format';
import { allowedOrderActions, orderStatusText, yuanText } from '../../logic/mall-admin';
import { useOrderActions, type OrderActions } from './useOrderActions';
import '../../components/activity/activity.css';
import '../mall-admin.css';

/** A WeChat Pay attempt's state in words (the merchant order number stays: WeChat Pay's bills are searched by it). */
const PAYMENT_LABELS: Record<string, string> = { prepaid: '待支付', paid: '已支付', closed: '已关闭' };
const REFUND_LABELS = { processing: '退款处理中', succeeded: '已退款', failed: '退款失败（请稍后重试或联系技术人员）' };

/** The order's steps with their times, who handed it over, and the refund. */
function Timeline({ o }: { o: MallAdminOrderDetail }) {
  const line = (label: string, at: string | null | undefined, extra = '') =>
    at ? (
      <Text className="jh-block" key={label}>
        <Text className="jh-time">{formatDateTime(at)}</Text> {label}
        {extra}
      </Text>
    ) : null;
  return (
    <View className="jh-card" data-testid="mall-order-timeline">
      <Text className="jh-section-title jh-block">状态记录</Text>
      {line('下单', o.createdAt)}
      {line('已支付', o.paidAt)}
      {line('备货完成，可领取', o.readyAt)}
      {line('已核销领取', o.verifiedAt ?? o.completedAt, o.verifiedByName ? `（${o.verifiedByName}）` : '')}
      {line('已取消', o.cancelledAt)}
      {o.refundStatus ? (
        <Text className="jh-block" data-testid="mall-order-refund">
          退款：{REFUND_LABELS[o.refundStatus]}
          {o.refundReason ? `（原因：${o.refundReason}）` : ''}
        </Text>
      ) : null}
    </View>
  );
}

function Payments({ o }: { o: MallAdminOrderDetail }) {
  if (o.cashFenTotal === 0) return null;
  return (
    <View className="jh-card" data-testid="mall-order-payments">
      <Text className="jh-section-title jh-block">微信支付</Text>
      {o.payments.length === 0 ? <Text className="jh-block jh-muted">还没有支付记录</Text> : null}
      {o.payments.map((p) => (
        <Text className="jh-block" key={p.outTradeNo}>
          商户单号 {p.outTradeNo} · {PAYMENT_LABELS[p.state] ?? '状态未知'} ·{' '}
          <Text className="jh-time">{formatDateTime(p.paidAt ?? p.createdAt)}</Text>
        </Text>
      ))}
    </View>
  );
}

function Actions({ o, x }: { o: MallAdminOrderDetail; x: OrderActions }) {
  const session = useSession();
  const operator = session.status === 'signedIn' && hasPermission(session.me.roles, 'mall.manage');
  const actions = allowedOrderActions(o, operator);
  if (x.refunding)
    return (
      <View className="jh-card" data-testid="mall-refund-form">
        <Text className="jh-section-title jh-block">退款</Text>
        <Textarea
          className="jh-input jh-textarea"
          style={{ height: '100px', width: '100%', padding: '10px 14px' }}
          value={x.reason}
          maxlength={100}
          placeholder="退款原因（会告诉兑换的义警）"
          onInput={(e) => x.setReason(e.detail.value)}
          data-testid="mall-refund-reason"
        />
        <InlineError message={x.error} testId="mall-order-error" />
        <BigButton
          kind="danger"
          onClick={() => void x.refund()}
          loading={x.busy === 'refund'}
          loadingText="正在提交退款…"
          testId="mall-refund-confirm"
        >
          确定退款
        </BigButton>
        <BigButton kind="secondary" onClick={x.cancelRefund} testId="mall-refund-cancel">
          先不退款
        </BigButton>
      </View>
    );
  if (!actions.length) return null;
  return (
    <View data-testid="mall-order-actions">
      <InlineError message={x.error} testId="mall-order-error" />
      {actions.includes('ready') ? (
        <BigButton
          onClick={() => void x.ready()}
          loading={x.busy === 'ready'}
          loadingText="正在提交…"
          testId="mall-order-ready"
        >
          {o.pickupStationId ? '备货完成，可领取' : '已寄出'}
        </BigButton>
      ) : null}
      {actions.includes('refund') ? (
        <BigButton kind="secondary" onClick={x.startRefund} testId="mall-order-refund-start">
          退款
        </BigButton>
      ) : null}
    </View>
  );
}

/** One order for the operator: the volunteer (masked), what was paid, its steps, and what may be done now. */
export default function MallOrderPage() {
  const id = Number(useRouter().params.id);
  const x = useOrderActions(id);
  usePullDownRefresh(() => void x.order.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (x.order.status === 'loading')
    return (
      <Screen testId="admin-mall-order">
        <LoadingState />
      </Screen>
    );
  if (x.order.status === 'error')
    return (
      <Screen testId="admin-mall-order">
        <ErrorState message={x.order.error} onRetry={x.order.reload} />
      </Screen>
    );
  const o = x.order.data;
  return (
    <Screen testId="admin-mall-order">
      {x.notice ? (
        <Text className="jh-notice jh-block" data-testid="mall-order-notice">
          {x.notice}
        </Text>
      ) : null}
      <View className="jh-card">
        <Text className="jh-title jh-block" data-testid="mall-order-status">
          {orderStatusText(o)}
        </Text>
        <InfoRow label="商品" value={`${o.productName} × ${o.quantity}`} />
        <InfoRow label="兑换人" value={o.volunteerName} testId="mall-order-volunteer" />
        <InfoRow label="积分" value={`${o.pointsTotal} 积分`} />
        {o.cashFenTotal > 0 ? <InfoRow label="现金" value={`¥${yuanText(o.cashFenTotal)}`} /> : null}
        <InfoRow label="订单号" value={String(o.id)} testId="mall-order-id" />
      </View>
      <Actions o={o} x={x} />
      <Timeline o={o} />
      <Payments o={o} />
    </Screen>
  );
}
