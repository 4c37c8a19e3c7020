import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { errorText } from '../../hooks/useResource';
import { SANDBOX_PAY_EVENT, yuanText } from '../../logic/mall';
import { sandboxPay } from '../../services/mall';

/**
 * H5 demo builds only (absent from production and from the WeChat build): stands in for WeChat's cashier. 确认支付
 * tells the WeChat Pay sandbox the payer paid; the sandbox then notifies the server as WeChat Pay would. Leaving
 * without paying reports 已取消 to the order page that opened it.
 */
export default function SandboxPayPage() {
  const params = useRouter().params;
  const outTradeNo = params.outTradeNo ?? '';
  const fen = Number(params.fen ?? 0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reported = useRef(false);
  const report = (outcome: 'done' | 'cancelled' | 'failed') => {
    if (reported.current) return;
    reported.current = true;
    Taro.eventCenter.trigger(SANDBOX_PAY_EVENT, outTradeNo, outcome);
  };
  // Back without paying = cancelled.
  useEffect(
    () => () => {
      if (reported.current) return;
      reported.current = true;
      Taro.eventCenter.trigger(SANDBOX_PAY_EVENT, outTradeNo, 'cancelled');
    },
    [outTradeNo],
  );

  async function pay() {
    setSending(true);
    setError(null);
    try {
      await sandboxPay(outTradeNo);
      report('done');
      void Taro.navigateBack();
    } catch (caught) {
      setError(`支付没有成功：${errorText(caught)}`);
    } finally {
      setSending(false);
    }
  }

  return (
    <Screen testId="sandbox-pay">
      <View className="jh-card">
        <Text className="jh-block jh-notice" data-testid="sandbox-pay-notice">
          演示环境：这里代替微信支付收银台，不会真的扣款。
        </Text>
        <Text className="jh-block jh-muted">
          订单号 {params.orderId} · 商户单号 {outTradeNo}
        </Text>
        <Text className="jh-big-number" data-testid="sandbox-pay-amount">
          {yuanText(fen)}
        </Text>
      </View>
      <InlineError message={error} testId="sandbox-pay-error" />
      <BigButton onClick={() => void pay()} loading={sending} loadingText="正在支付…" testId="sandbox-pay-confirm">
        确认支付 {yuanText(fen)}
      </BigButton>
      <BigButton
        kind="secondary"
        onClick={() => {
          report('cancelled');
          void Taro.navigateBack();
        }}
        testId="sandbox-pay-cancel"
      >
        不付了，返回
      </BigButton>
    </Screen>
  );
}
