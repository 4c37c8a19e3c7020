import { MALL_UNPAID_CANCEL_MINUTES } from '@jianghuai/shared';
import type { PayTransaction } from '../payments/wechat-pay.client.js';
import type { MallOrder } from './entities/mall-order.entity.js';
import type { MallPayment } from './entities/mall-payment.entity.js';

/**
 * Pure rules of paying an order's cash part (docs/mall.md#payment): the merchant order number of each attempt, the
 * payment deadline, and what makes a WeChat Pay transaction not ours.
 */

/** `JH` + the order id (8 digits) + `-` + the attempt (2 digits): short, unique, within WeChat Pay's 6–32 characters. */
export function outTradeNoOf(orderId: number, attempt: number): string {
  return `JH${String(orderId).padStart(8, '0')}-${String(attempt).padStart(2, '0')}`;
}

/** When the order stops being payable (the unpaid job cancels it then); also WeChat Pay's time_expire. */
export function payDeadline(order: Pick<MallOrder, 'createdAt'>): Date {
  return new Date(order.createdAt.getTime() + MALL_UNPAID_CANCEL_MINUTES * 60_000);
}

/** `¥12.50` */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

export interface MerchantIds {
  mchId: string;
  appId: string;
}

/** Why a transaction WeChat Pay reports cannot be applied to the attempt (null: it matches). */
export function transactionMismatch(tx: PayTransaction, attempt: MallPayment, ids: MerchantIds): string | null {
  if (tx.mchid !== ids.mchId) return 'mchid';
  if (tx.appid !== ids.appId) return 'appid';
  if (tx.out_trade_no !== attempt.outTradeNo) return 'out_trade_no';
  if (tx.amount?.total !== attempt.amountFen) return 'amount';
  if (tx.amount?.currency !== undefined && tx.amount.currency !== 'CNY') return 'currency';
  return null;
}

/** A trade state that means the money was taken (REFUND: taken, then (partly) refunded). */
export function tradePaid(state: PayTransaction['trade_state']): boolean {
  return state === 'SUCCESS' || state === 'REFUND';
}

/** A trade state after which this attempt can never be paid. */
export function tradeClosed(state: PayTransaction['trade_state']): boolean {
  return state === 'CLOSED' || state === 'REVOKED';
}
