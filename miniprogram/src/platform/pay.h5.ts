import Taro from '@tarojs/taro';
import type { MallPaymentStart } from '@jianghuai/shared';
import { SANDBOX_PAY_EVENT } from '../logic/mall';
import { PAGES, pageUrl } from '../logic/routes';

/**
 * Paying the cash part in the H5 demo build (the WeChat twin is pay.ts): WeChat's cashier does not exist in a
 * browser, so the sandbox's pay page stands in for it and reports back here when it closes.
 */
export type PayOutcome = 'done' | 'cancelled' | 'failed';

export function requestPay(start: MallPaymentStart, amountFen: number): Promise<PayOutcome> {
  return new Promise((resolve) => {
    const onResult = (outTradeNo: string, outcome: PayOutcome) => {
      if (outTradeNo !== start.outTradeNo) return;
      Taro.eventCenter.off(SANDBOX_PAY_EVENT, onResult);
      resolve(outcome);
    };
    Taro.eventCenter.on(SANDBOX_PAY_EVENT, onResult);
    Taro.navigateTo({
      url: pageUrl(PAGES.mallSandboxPay, { orderId: start.orderId, outTradeNo: start.outTradeNo, fen: amountFen }),
    }).catch(() => onResult(start.outTradeNo, 'failed'));
  });
}
