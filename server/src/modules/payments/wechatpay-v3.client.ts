import { Inject, Injectable } from '@nestjs/common';
import Pay from 'wechatpay-node-v3';
import { paymentsConfig, WECHAT_PAY_PRODUCTION_BASE, type PaymentsConfig } from '../../config/payments.config.js';
import { WechatPayHttp, type PayHttpOutput } from './wechat-pay-http.js';
import {
  failureKind,
  WechatPayClient,
  WechatPayFailure,
  type PayRefund,
  type PayTransaction,
  type PrepayOrder,
  type RefundRequest,
  type RequestPaymentParams,
  type TradeBillTicket,
} from './wechat-pay.client.js';

const TIMEOUT_MS = 10_000;
/** WeChat Pay's formats of our numbers; they go into URL paths, so nothing else is sent. */
const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/;
const BILL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Bills are downloaded only from WeChat Pay's own download path (the address comes from an answer). */
const BILL_DOWNLOAD = `${WECHAT_PAY_PRODUCTION_BASE}/v3/billdownload/`;

function checkNo(value: string, pattern: RegExp, name: string): void {
  if (!pattern.test(value)) throw new WechatPayFailure('rejected', 0, 'INVALID_REQUEST', `${name} 格式不合法`);
}

/**
 * WeChat Pay v3 through the maintained library wechatpay-node-v3: it builds the requests and signs
 * them (`METHOD\nPATH\ntimestamp\nnonce\nbody\n`, RSA-SHA256 with the merchant key) and the
 * `requestPayment` signature; `WechatPayHttp` carries them to the configured base and verifies each
 * answer's platform signature. Public-key mode: the platform key is configured, never downloaded.
 */
@Injectable()
export class WechatPayV3Client extends WechatPayClient {
  private pay: Pay | null = null;

  constructor(@Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig) {
    super();
  }

  async prepay(order: PrepayOrder): Promise<RequestPaymentParams> {
    checkNo(order.outTradeNo, OUT_TRADE_NO, 'out_trade_no');
    const result = await this.library().transactions_jsapi({
      description: order.description,
      out_trade_no: order.outTradeNo,
      notify_url: `${this.config.notifyUrl}/transaction`,
      amount: { total: order.amountFen, currency: 'CNY' },
      payer: { openid: order.payerOpenId },
      ...(order.attach ? { attach: order.attach } : {}),
      ...(order.expiresAt ? { time_expire: rfc3339Shanghai(order.expiresAt) } : {}),
    });
    const data = this.ok<Omit<RequestPaymentParams, 'prepayId'>>(result);
    if (!data.package?.startsWith('prepay_id='))
      throw new WechatPayFailure('rejected', 200, 'NO_PREPAY_ID', '无预支付交易会话标识');
    return { ...data, signType: 'RSA', prepayId: data.package.slice('prepay_id='.length) };
  }

  async queryOrder(outTradeNo: string): Promise<PayTransaction> {
    checkNo(outTradeNo, OUT_TRADE_NO, 'out_trade_no');
    return this.ok<PayTransaction>(await this.library().query({ out_trade_no: outTradeNo }));
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    checkNo(outTradeNo, OUT_TRADE_NO, 'out_trade_no');
    this.ok(await this.library().close(outTradeNo));
  }

  async refund(refund: RefundRequest): Promise<PayRefund> {
    checkNo(refund.outTradeNo, OUT_TRADE_NO, 'out_trade_no');
    checkNo(refund.outRefundNo, OUT_REFUND_NO, 'out_refund_no');
    const result = await this.library().refunds({
      out_trade_no: refund.outTradeNo,
      out_refund_no: refund.outRefundNo,
      notify_url: `${this.config.notifyUrl}/refund`,
      ...(refund.reason ? { reason: refund.reason } : {}),
      amount: { refund: refund.refundFen, total: refund.totalFen, currency: 'CNY' },
    });
    return this.ok<PayRefund>(result as PayHttpOutput);
  }

  async queryRefund(outRefundNo: string): Promise<PayRefund> {
    checkNo(outRefundNo, OUT_REFUND_NO, 'out_refund_no');
    return this.ok<PayRefund>((await this.library().find_refunds(outRefundNo)) as PayHttpOutput);
  }

  async tradeBill(billDate: string): Promise<TradeBillTicket> {
    checkNo(billDate, BILL_DATE, 'bill_date');
    return this.ok<TradeBillTicket>(await this.library().tradebill({ bill_date: billDate, bill_type: 'ALL' }));
  }

  async downloadBill(downloadUrl: string): Promise<string> {
    if (!downloadUrl.startsWith(BILL_DOWNLOAD))
      throw new WechatPayFailure('rejected', 0, 'INVALID_REQUEST', 'download_url 不是微信支付的账单地址');
    const data = this.ok<unknown>(await this.library().downloadBill(downloadUrl));
    return typeof data === 'string' ? data : '';
  }

  /** The library, built on first use (the development server hands over the sandbox's keys after boot). */
  private library(): Pay {
    if (!this.config.enabled) throw new WechatPayFailure('rejected', 0, 'DISABLED', '微信支付未开启');
    if (this.pay) return this.pay;
    const pay = new Pay({
      appid: this.config.appId,
      mchid: this.config.mchId,
      serial_no: this.config.serial,
      // only read to derive a serial when none is given; the serial is configured
      publicKey: Buffer.from(this.config.platformPublicKey),
      privateKey: Buffer.from(this.config.privateKey),
      key: this.config.apiV3Key,
    });
    pay.createHttp(
      new WechatPayHttp({
        apiBase: this.config.apiBase,
        platformSerial: this.config.platformSerial,
        platformPublicKey: this.config.platformPublicKey,
        timeoutMs: TIMEOUT_MS,
      }),
    );
    this.pay = pay;
    return pay;
  }

  /** A 2xx answer's data, or the typed failure WeChat Pay's `{code, message}` maps to. */
  private ok<T>(result: PayHttpOutput): T {
    if (result.status >= 200 && result.status < 300) return (result.data ?? {}) as T;
    let code = 'UNKNOWN';
    let message = String(result.error ?? '');
    try {
      const parsed = JSON.parse(message) as { code?: string; message?: string };
      code = parsed.code ?? code;
      message = parsed.message ?? message;
    } catch {
      // not JSON: keep the text
    }
    throw new WechatPayFailure(failureKind(result.status, code), result.status, code, message);
  }
}

/** WeChat Pay's time format: RFC 3339 with the +08:00 offset (`2026-12-01T10:00:00+08:00`). */
export function rfc3339Shanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
