import Taro from '@tarojs/taro';
import type { MallPaymentStart } from '@jianghuai/shared';

/**
 * Paying the cash part, WeChat build: WeChat's own cashier. The H5 build takes pay.h5.ts instead (the sandbox's pay
 * page). `done` only means the payer finished: the order is paid when the server hears it from WeChat Pay.
 */
export type PayOutcome = 'done' | 'cancelled' | 'failed';

export async function requestPay(start: MallPaymentStart, _amountFen: number): Promise<PayOutcome> {
  const { timeStamp, nonceStr, package: pkg, signType, paySign } = start.payment;
  try {
    await Taro.requestPayment({ timeStamp, nonceStr, package: pkg, signType, paySign });
    return 'done';
  } catch (caught) {
    const message = (caught as { errMsg?: string } | null)?.errMsg ?? '';
    return message.includes('cancel') ? 'cancelled' : 'failed';
  }
}
