/**
 * What the points mall calls to take the cash part of an order with WeChat Pay v3 (JSAPI, inside the
 * mini-program). Amounts are in fen. Every call answers a typed result or throws a `WechatPayFailure`.
 * The implementation is `WechatPayV3Client` (wechatpay-v3.client.ts); tests may provide a fake.
 */
export abstract class WechatPayClient {
  /** Creates the WeChat Pay order and returns what `Taro.requestPayment` needs, signed with the merchant key. */
  abstract prepay(order: PrepayOrder): Promise<RequestPaymentParams>;
  /** The order as WeChat Pay knows it (by our out_trade_no); a query is as good as a notification. */
  abstract queryOrder(outTradeNo: string): Promise<PayTransaction>;
  /** Closes an unpaid order (no payment can arrive after). */
  abstract closeOrder(outTradeNo: string): Promise<void>;
  abstract refund(refund: RefundRequest): Promise<PayRefund>;
  abstract queryRefund(outRefundNo: string): Promise<PayRefund>;
  /** Where to download the trade bill of one Shanghai date (`YYYY-MM-DD`, bill_type ALL). */
  abstract tradeBill(billDate: string): Promise<TradeBillTicket>;
  /** The bill's text (WeChat Pay's CSV with backtick-prefixed fields; parse with `parseTradeBill`). */
  abstract downloadBill(downloadUrl: string): Promise<string>;
}

/** What the trade-bill request answers: the download address (valid a few minutes) and the file's hash. */
export interface TradeBillTicket {
  hash_type: 'SHA1';
  hash_value: string;
  download_url: string;
}

export interface PrepayOrder {
  /** ours, 6–32 letters, digits, `_-|*` */
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenId: string;
  /** when the order stops being payable */
  expiresAt?: Date;
  /** returned with the notification */
  attach?: string;
}

/** The parameters of `wx.requestPayment` / `Taro.requestPayment`. */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  /** `prepay_id=…` */
  package: string;
  signType: 'RSA';
  paySign: string;
  prepayId: string;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A payment as WeChat Pay answers a query or notifies it (the fields the mall uses, in WeChat's names). */
export interface PayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc?: string;
  success_time?: string;
  attach?: string;
  payer?: { openid: string };
  amount?: { total?: number; payer_total?: number; currency?: string };
}

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  reason?: string;
  refundFen: number;
  totalFen: number;
}

export interface PayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id?: string;
  out_trade_no: string;
  status?: RefundStatus;
  /** the status field of a refund notification */
  refund_status?: RefundStatus;
  success_time?: string;
  amount: { refund: number; total: number; payer_refund?: number; payer_total?: number };
}

export type WechatPayFailureKind =
  /** WeChat Pay refused our signature or merchant (401, SIGN_ERROR): a configuration fault */
  | 'signature'
  /** the order or refund is not known (404, ORDER_NOT_EXIST / RESOURCE_NOT_EXISTS) */
  | 'not_found'
  /** the request does not fit the order's state (already paid, closed, amount too large…) */
  | 'rejected'
  /** the answer's signature did not verify: not trusted, whatever it said */
  | 'untrusted_response'
  /** busy, rate-limited, unreachable or 5xx: try again later */
  | 'transient';

/** A WeChat Pay call that did not succeed, with WeChat's own code and message when it answered. */
export class WechatPayFailure extends Error {
  constructor(
    readonly kind: WechatPayFailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`WeChat Pay ${kind} (${status} ${code}): ${message}`);
    this.name = 'WechatPayFailure';
  }
}

/** WeChat Pay's error answer (status, `{code, message}`) → the failure kind. */
export function failureKind(status: number, code: string): WechatPayFailureKind {
  if (status === 401 || code === 'SIGN_ERROR') return 'signature';
  if (status === 404 || code === 'ORDER_NOT_EXIST' || code === 'RESOURCE_NOT_EXISTS') return 'not_found';
  if (status === 429 || status >= 500 || status === 0 || code === 'SYSTEM_ERROR' || code === 'FREQUENCY_LIMITED')
    return 'transient';
  return 'rejected';
}
