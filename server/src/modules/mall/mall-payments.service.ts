import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MallOrderResponse, MallPaymentStart } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { logger } from '../../common/logging/logger.js';
import { paymentsConfig, type PaymentsConfig } from '../../config/payments.config.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  WechatPayClient,
  WechatPayFailure,
  type PayTransaction,
  type RequestPaymentParams,
} from '../payments/wechat-pay.client.js';
import { UserQueries } from '../users/user-queries.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { orderResponse } from './mall-mapper.js';
import { outTradeNoOf, payDeadline, tradeClosed, tradePaid, transactionMismatch, yuan } from './mall-payments-rules.js';
import { MallRefundsService } from './mall-refunds.service.js';

/** What applying WeChat Pay's word about an attempt came to. */
export type PaymentOutcome = 'paid' | 'closed' | 'open' | 'ignored';
/** Before the unpaid job cancels an order: it was paid after all, it may be cancelled, or WeChat Pay did not answer. */
export type CancelVerdict = 'paid' | 'cancel' | 'wait';

/**
 * Paying an order's cash part with WeChat Pay JSAPI (docs/mall.md#payment). Each attempt is a `mall_payments` row
 * with its own merchant order number; a new attempt is made only after the previous one was closed. The order is
 * marked paid only from WeChat Pay's word (a verified notification, or a query): the payment row moves
 * `prepaid → paid` by a conditional UPDATE, then the order `pending_payment → paid` by another, both in one
 * transaction, so replays and simultaneous copies change nothing twice. Money for an order that is no longer
 * waiting (cancelled by the unpaid job, or paid by another attempt) is refunded automatically.
 */
@Injectable()
export class MallPaymentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly pay: WechatPayClient,
    private readonly users: UserQueries,
    private readonly refunds: MallRefundsService,
    private readonly notifications: NotificationsService,
    @Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig,
  ) {}

  /** The guard starts (or resumes) paying their own `pending_payment` order: the `requestPayment` parameters. */
  async start(actor: Actor, id: number): Promise<MallPaymentStart> {
    const order = await this.own(actor, id);
    this.assertPayable(order);
    if (!this.config.enabled) throw new AppException('MALL_PAYMENT_UNAVAILABLE');
    const openid = (await this.users.findById(actor.userId))?.openid;
    if (!openid) throw new AppException('MALL_PAYER_UNKNOWN');
    for (let round = 0; round < 2; round++) {
      const attempt = await this.openAttempt(order);
      const params = await this.prepay(order, attempt, openid);
      if (params) return this.started(order, attempt, params);
      // WeChat Pay refused the number: it was closed there (expired) or paid meanwhile — ask which
      const outcome = await this.unavailableOnFailure(() => this.queryAndApply(attempt));
      if (outcome === 'paid') throw new AppException('MALL_ORDER_NOT_PAYABLE');
      if (outcome !== 'closed') break;
    }
    throw new AppException('MALL_PAYMENT_UNAVAILABLE');
  }

  /** "I finished paying": WeChat Pay is asked about the open attempt; the answer is the order as it now is. */
  async check(actor: Actor, id: number): Promise<MallOrderResponse> {
    const order = await this.own(actor, id);
    if (order.status === 'pending_payment') {
      const open = await this.ds.getRepository(MallPayment).find({
        where: { orderId: order.id, state: 'prepaid' },
        order: { attempt: 'DESC' },
      });
      for (const attempt of open) await this.unavailableOnFailure(() => this.queryAndApply(attempt));
    }
    return orderResponse(await this.ds.getRepository(MallOrder).findOneByOrFail({ id: order.id }));
  }

  /** Asks WeChat Pay about one attempt and applies the answer (an attempt WeChat Pay never saw stays open). */
  async queryAndApply(attempt: MallPayment): Promise<PaymentOutcome> {
    let tx: PayTransaction;
    try {
      tx = await this.pay.queryOrder(attempt.outTradeNo);
    } catch (err) {
      if (err instanceof WechatPayFailure && err.kind === 'not_found') return 'open';
      throw err;
    }
    return this.apply(tx, 'query');
  }

  /**
   * WeChat Pay's word about a transaction (a verified notification or a query). SUCCESS marks the attempt and the
   * order paid once; CLOSED closes the attempt; anything that is not ours or does not match changes nothing.
   */
  async apply(tx: PayTransaction, source: 'notification' | 'query'): Promise<PaymentOutcome> {
    const attempt = await this.ds.getRepository(MallPayment).findOneBy({ outTradeNo: String(tx.out_trade_no) });
    if (!attempt) {
      logger.warn({ outTradeNo: tx.out_trade_no, source }, 'WeChat Pay transaction for no mall payment: ignored');
      return 'ignored';
    }
    if (tradePaid(tx.trade_state)) {
      const problem = transactionMismatch(tx, attempt, this.config);
      if (problem) {
        logger.error({ outTradeNo: attempt.outTradeNo, problem, source }, 'WeChat Pay transaction does not match');
        return 'ignored';
      }
      await this.markPaid(attempt, tx);
      return 'paid';
    }
    if (tradeClosed(tx.trade_state)) {
      await this.closeAttempt(attempt.id);
      return 'closed';
    }
    return 'open';
  }

  /**
   * Before an unpaid order with a cash part is cancelled: each open attempt is asked about (paid → the order is
   * paid, not cancelled), then closed at WeChat Pay so no payment can arrive after the cancellation.
   */
  async settleBeforeCancel(order: MallOrder): Promise<CancelVerdict> {
    if (!this.config.enabled) return 'cancel'; // no WeChat Pay: nothing can have been paid
    const open = await this.ds.getRepository(MallPayment).findBy({ orderId: order.id, state: 'prepaid' });
    for (const attempt of open) {
      try {
        const outcome = await this.queryAndApply(attempt);
        if (outcome === 'paid') return 'paid';
        if (outcome === 'closed') continue;
        await this.closeAtWechat(attempt);
      } catch (err) {
        if (err instanceof WechatPayFailure && err.kind === 'rejected') {
          // ORDERPAID: paid between the query and the close
          const again = await this.queryAndApply(attempt).catch(() => 'open' as const);
          if (again === 'paid') return 'paid';
        }
        logger.warn({ orderId: order.id, err: String(err) }, 'mall payment not settled before cancelling; next run');
        return 'wait';
      }
      await this.closeAttempt(attempt.id);
    }
    return 'cancel';
  }

  private async closeAtWechat(attempt: MallPayment): Promise<void> {
    try {
      await this.pay.closeOrder(attempt.outTradeNo);
    } catch (err) {
      // an attempt WeChat Pay never saw (the prepay did not arrive) cannot be paid either
      if (!(err instanceof WechatPayFailure && err.kind === 'not_found')) throw err;
    }
  }

  private async markPaid(attempt: MallPayment, tx: PayTransaction): Promise<void> {
    const now = this.clock.now();
    const outcome = await this.ds.transaction(async (m) => {
      const moved = await m
        .createQueryBuilder()
        .update(MallPayment)
        .set({ state: 'paid', paidAt: now, transactionId: tx.transaction_id ?? null })
        .where('id = :id AND state IN (:...from)', { id: attempt.id, from: ['prepaid', 'closed'] })
        .execute();
      if (!moved.affected) return null; // a replay, a duplicate or the other path took it first
      const order = await m.getRepository(MallOrder).findOneByOrFail({ id: attempt.orderId });
      const took = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ status: 'paid', paidAt: now })
        .where("id = :id AND status = 'pending_payment'", { id: order.id })
        .execute();
      if (took.affected) return { notificationId: await this.paidMessage(m, order, attempt) };
      // money for an order no longer waiting (cancelled, or paid by another attempt): it goes back
      const reason = order.status === 'cancelled' ? '订单已取消，付款原路退回' : '重复付款，原路退回';
      return { refundId: await this.refunds.recordAutomatic(m, order, attempt, reason) };
    });
    if (outcome?.notificationId) await this.notifications.push([outcome.notificationId]);
    if (outcome?.refundId) await this.refunds.submit(outcome.refundId);
  }

  private paidMessage(m: EntityManager, order: MallOrder, attempt: MallPayment): Promise<number> {
    const what = `${order.productName} ×${order.quantity}`;
    return this.notifications.create(m, {
      userId: order.userId,
      template: 'mall_paid',
      title: '订单支付成功',
      body: `${what} 已付款 ${yuan(attempt.amountFen)}，积分 ${order.pointsTotal} 已扣除。备好后会通知您领取。`,
      page: `mall/order/index?id=${order.id}`,
      data: { thing1: what, amount2: yuan(attempt.amountFen), date3: this.clock.today() },
    });
  }

  private async closeAttempt(id: number): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(MallPayment)
      .set({ state: 'closed' })
      .where("id = :id AND state = 'prepaid'", { id })
      .execute();
  }

  /** The order's open attempt, or a new one after the last was closed (a simultaneous twin finds the same one). */
  private async openAttempt(order: MallOrder): Promise<MallPayment> {
    const repo = this.ds.getRepository(MallPayment);
    const last = await repo.findOne({ where: { orderId: order.id }, order: { attempt: 'DESC' } });
    if (last?.state === 'prepaid') return last;
    if (last?.state === 'paid') throw new AppException('MALL_ORDER_NOT_PAYABLE');
    const attempt = (last?.attempt ?? 0) + 1;
    try {
      return await repo.save(
        repo.create({
          orderId: order.id,
          attempt,
          outTradeNo: outTradeNoOf(order.id, attempt),
          amountFen: order.cashFenTotal,
          state: 'prepaid',
          prepayId: null,
          createdAt: this.clock.now(),
          paidAt: null,
          transactionId: null,
        }),
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return repo.findOneByOrFail({ orderId: order.id, attempt });
    }
  }

  /** The prepay at WeChat Pay (the same number again answers the same prepay id); null when WeChat Pay refused it. */
  private async prepay(order: MallOrder, attempt: MallPayment, openid: string): Promise<RequestPaymentParams | null> {
    try {
      const params = await this.pay.prepay({
        outTradeNo: attempt.outTradeNo,
        description: `江淮义警积分商城-${order.productName}`.slice(0, 120),
        amountFen: attempt.amountFen,
        payerOpenId: openid,
        expiresAt: payDeadline(order),
        attach: `mall:${order.id}`,
      });
      if (attempt.prepayId !== params.prepayId)
        await this.ds.getRepository(MallPayment).update({ id: attempt.id }, { prepayId: params.prepayId });
      return params;
    } catch (err) {
      if (err instanceof WechatPayFailure && err.kind === 'rejected') return null;
      throw this.unavailable(err);
    }
  }

  private started(order: MallOrder, attempt: MallPayment, p: RequestPaymentParams): MallPaymentStart {
    return {
      orderId: order.id,
      outTradeNo: attempt.outTradeNo,
      payment: {
        appId: p.appId,
        timeStamp: p.timeStamp,
        nonceStr: p.nonceStr,
        package: p.package,
        signType: 'RSA',
        paySign: p.paySign,
      },
    };
  }

  private assertPayable(order: MallOrder): void {
    const due = payDeadline(order).getTime() <= this.clock.nowMs();
    if (order.status !== 'pending_payment' || order.cashFenTotal <= 0 || due)
      throw new AppException('MALL_ORDER_NOT_PAYABLE');
  }

  private async own(actor: Actor, id: number): Promise<MallOrder> {
    const order = await this.ds.getRepository(MallOrder).findOneBy({ id, userId: actor.userId });
    if (!order) throw AppException.notFound();
    return order;
  }

  private async unavailableOnFailure<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  /** WeChat Pay did not give a usable answer: 503 with a Chinese message (logged), never a 500. */
  private unavailable(err: unknown): unknown {
    if (!(err instanceof WechatPayFailure)) return err;
    logger.warn({ kind: err.kind, code: err.code, status: err.status }, 'WeChat Pay call failed');
    return new AppException('MALL_PAYMENT_UNAVAILABLE');
  }
}
