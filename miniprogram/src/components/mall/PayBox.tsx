import { Text, View } from '@tarojs/components';
import type { MallOrderResponse } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { InlineError, LoadingState } from '../States';
import { payCountdown, yuanText } from '../../logic/mall';
import type { PayState } from '../../hooks/useMallPay';

const WAIT_TEXT: Partial<Record<PayState['kind'], string>> = {
  starting: '正在发起支付…',
  paying: '请在支付页面完成付款…',
  confirming: '支付确认中…',
};

/** An unpaid order: how long is left, 去支付, and every wait and failure of paying in words. */
export function PayBox({
  o,
  now,
  state,
  onPay,
}: {
  o: MallOrderResponse;
  now: number;
  state: PayState;
  onPay: () => void;
}) {
  const countdown = payCountdown(o.createdAt, now);
  const wait = WAIT_TEXT[state.kind];
  return (
    <View className="jh-card" data-testid="mall-pay-box">
      <Text className="jh-section-title jh-block">还需支付 {yuanText(o.cashFenTotal)}</Text>
      <Text className="jh-block" data-testid="mall-pay-countdown">
        {countdown ? `请在下单后 15 分钟内付款，${countdown}。` : '付款时间已过，订单即将自动取消，积分会退回。'}
      </Text>
      {wait ? <LoadingState text={wait} /> : null}
      {state.kind === 'failed' ? <InlineError message={state.message} testId="mall-pay-error" /> : null}
      {countdown && !wait ? (
        <BigButton onClick={onPay} testId="mall-pay">
          {state.kind === 'failed' ? '重新支付' : `去支付 ${yuanText(o.cashFenTotal)}`}
        </BigButton>
      ) : null}
    </View>
  );
}
