import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { paymentsConfig } from '../../src/config/payments.config.js';
import { MallTradeBill } from '../../src/modules/mall/mall-reconcile-bill.js';
import { MallPayReconcile } from '../../src/modules/mall/mall-reconcile.js';
import { MallPaymentsService } from '../../src/modules/mall/mall-payments.service.js';
import { MallRefundsService } from '../../src/modules/mall/mall-refunds.service.js';
import { MallStock } from '../../src/modules/mall/mall-stock.js';
import {
  WechatPayClient,
  WechatPayFailure,
  type PayRefund,
  type PayTransaction,
  type PrepayOrder,
  type RefundRequest,
  type RequestPaymentParams,
  type TradeBillTicket,
} from '../../src/modules/payments/wechat-pay.client.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { FakeWechat, unitAudit, unitNotifications } from './factories.js';
import { unitLedger } from './factories-mall.js';

/** The merchant the unit specs' payments config names (the development defaults). */
export const unitPaymentsConfig = () => readArea(paymentsConfig.read, { NODE_ENV: 'test' });

/**
 * WeChat Pay for unit specs: orders in memory, `pay(no)` makes one SUCCESS, `failNext` makes the next call fail
 * with that kind; refunds stay PROCESSING until `refundSucceeds(no)`.
 */
export class FakeWechatPay extends WechatPayClient {
  readonly trades = new Map<string, PayTransaction>();
  readonly refunds = new Map<string, PayRefund>();
  readonly calls: string[] = [];
  failNext: WechatPayFailure['kind'] | null = null;
  bill = '';
  private seq = 0;

  constructor(private readonly ids = unitPaymentsConfig()) {
    super();
  }

  async prepay(o: PrepayOrder): Promise<RequestPaymentParams> {
    this.call(`prepay ${o.outTradeNo}`);
    const t = this.trades.get(o.outTradeNo);
    if (t && t.trade_state !== 'NOTPAY') throw new WechatPayFailure('rejected', 400, 'ORDERPAID', '已支付或已关闭');
    if (!t)
      this.trades.set(o.outTradeNo, {
        appid: this.ids.appId,
        mchid: this.ids.mchId,
        out_trade_no: o.outTradeNo,
        trade_state: 'NOTPAY',
        amount: { total: o.amountFen, currency: 'CNY' },
        payer: { openid: o.payerOpenId },
      });
    const prepayId = `wxprepay${o.outTradeNo}`;
    const pkg = `prepay_id=${prepayId}`;
    return {
      appId: this.ids.appId,
      timeStamp: '1',
      nonceStr: 'n',
      package: pkg,
      signType: 'RSA',
      paySign: 's',
      prepayId,
    };
  }

  async queryOrder(no: string): Promise<PayTransaction> {
    this.call(`query ${no}`);
    const t = this.trades.get(no);
    if (!t) throw new WechatPayFailure('not_found', 404, 'ORDER_NOT_EXIST', '订单不存在');
    return { ...t };
  }

  async closeOrder(no: string): Promise<void> {
    this.call(`close ${no}`);
    const t = this.trades.get(no);
    if (!t) throw new WechatPayFailure('not_found', 404, 'ORDER_NOT_EXIST', '订单不存在');
    if (t.trade_state === 'SUCCESS') throw new WechatPayFailure('rejected', 400, 'ORDERPAID', '订单已支付');
    t.trade_state = 'CLOSED';
  }

  async refund(r: RefundRequest): Promise<PayRefund> {
    this.call(`refund ${r.outRefundNo}`);
    const refund: PayRefund = this.refunds.get(r.outRefundNo) ?? {
      refund_id: `50${++this.seq}`,
      out_refund_no: r.outRefundNo,
      out_trade_no: r.outTradeNo,
      status: 'PROCESSING',
      amount: { refund: r.refundFen, total: r.totalFen },
    };
    this.refunds.set(r.outRefundNo, refund);
    return { ...refund };
  }

  async queryRefund(no: string): Promise<PayRefund> {
    this.call(`queryRefund ${no}`);
    const r = this.refunds.get(no);
    if (!r) throw new WechatPayFailure('not_found', 404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return { ...r };
  }

  async tradeBill(date: string): Promise<TradeBillTicket> {
    this.call(`tradeBill ${date}`);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha1').update(this.bill).digest('hex');
    return { hash_type: 'SHA1', hash_value: hash, download_url: 'https://api.mch.weixin.qq.com/v3/billdownload/file' };
  }

  async downloadBill(): Promise<string> {
    this.call('downloadBill');
    return this.bill;
  }

  /** The payer paid: SUCCESS (what a query then answers). */
  pay(no: string, over: Partial<PayTransaction> = {}): PayTransaction {
    const t = this.trades.get(no);
    if (!t) throw new Error(`no fake order ${no}`);
    Object.assign(t, { trade_state: 'SUCCESS', transaction_id: `42${++this.seq}`, ...over });
    return { ...t };
  }

  refundSucceeds(no: string): PayRefund {
    const r = this.refunds.get(no);
    if (!r) throw new Error(`no fake refund ${no}`);
    r.status = 'SUCCESS';
    return { ...r, refund_status: 'SUCCESS' };
  }

  private call(what: string): void {
    this.calls.push(what);
    const kind = this.failNext;
    if (kind) {
      this.failNext = null;
      throw new WechatPayFailure(kind, kind === 'transient' ? 503 : 400, 'FAKE', '测试失败');
    }
  }
}

export interface UnitMallPayments {
  pay: FakeWechatPay;
  wechat: FakeWechat;
  refunds: MallRefundsService;
  payments: MallPaymentsService;
  reconcile: MallPayReconcile;
  tradeBill: MallTradeBill;
}

/** The mall's payment, refund and reconciliation services on the real schema, WeChat Pay faked. */
export function unitMallPayments(ds: DataSource, clock: Clock, pay = new FakeWechatPay()): UnitMallPayments {
  const wechat = new FakeWechat();
  const notifications = unitNotifications(ds, clock, wechat);
  const stock = new MallStock(unitLedger(ds, clock));
  const refunds = new MallRefundsService(
    ds,
    clock,
    pay,
    stock,
    new VolunteerQueries(ds),
    unitAudit(ds, clock),
    notifications,
  );
  const users = new UserQueries(ds);
  const payments = new MallPaymentsService(ds, clock, pay, users, refunds, notifications, unitPaymentsConfig());
  return {
    pay,
    wechat,
    refunds,
    payments,
    reconcile: new MallPayReconcile(ds, clock, payments),
    tradeBill: new MallTradeBill(ds, clock, pay, users, notifications),
  };
}
