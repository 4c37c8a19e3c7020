import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { MallOrderResponse, MallOrderStatus } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { logger } from '../../common/logging/logger.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WechatPayClient, WechatPayFailure, type PayRefund } from '../payments/wechat-pay.client.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallRefund } from './entities/mall-refund.entity.js';
import { orderResponse } from './mall-mapper.js';
import { yuan } from './mall-payments-rules.js';
import { MallStock } from './mall-stock.js';

const REFUNDABLE: readonly MallOrderStatus[] = ['paid', 'ready'];
/** A refund still processing this long after it was asked for is asked about by the mall-refund-query job. */
export const REFUND_QUERY_AFTER_MS = 60_000;

/**
 * Refunds (docs/mall.md#refunds). A points-only order is refunded in one transaction: the status moves
 * conditionally to `refunded`, stock, holding and points come back (ledger key `mall:refund:<id>`), audited with the
 * reason. With a cash part, the transaction records a `mall_refunds` row and sets the order's refundStatus to
 * `processing`; WeChat Pay is asked after the commit, and its SUCCESS (notification or the mall-refund-query job)
 * completes the refund: the refund row moves `processing → succeeded` once, and only that caller moves the order to
 * `refunded` and gives points and stock back. Automatic refunds (money for an order no longer waiting) leave the
 * order as it is.
 */
@Injectable()
export class MallRefundsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly pay: WechatPayClient,
    private readonly stock: MallStock,
    private readonly volunteers: VolunteerQueries,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The operator refunds a `paid` or `ready` order of a product in scope (else 404). */
  async refund(actor: Actor, id: number, reason: string): Promise<MallOrderResponse> {
    const qb = this.ds.getRepository(MallOrder).createQueryBuilder('o').where('o.id = :id', { id });
    const order = await wherePathInScope(qb, actor, 'o.orgPath').getOne();
    if (!order) throw AppException.notFound();
    const open = order.refundStatus === 'processing' || order.refundStatus === 'succeeded';
    if (!REFUNDABLE.includes(order.status) || open) throw new AppException('MALL_REFUND_NOT_ALLOWED');
    const product = await this.ds.getRepository(MallProduct).findOneByOrFail({ id: order.productId });
    if (order.cashFenTotal === 0) await this.refundPointsOnly(actor, order, product, reason);
    else await this.submit(await this.recordOperatorRefund(actor, order, product, reason));
    return orderResponse(await this.ds.getRepository(MallOrder).findOneByOrFail({ id }));
  }

  private async refundPointsOnly(actor: Actor, order: MallOrder, product: MallProduct, reason: string): Promise<void> {
    const volunteerId = (await this.volunteers.findByUserId(order.userId))?.id ?? null;
    const notificationId = await this.ds.transaction(async (m) => {
      const moved = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ status: 'refunded', refundStatus: 'succeeded', refundReason: reason })
        .where('id = :id AND status = :from AND refundStatus IS NULL', { id: order.id, from: order.status })
        .execute();
      if (!moved.affected) throw new AppException('MALL_REFUND_NOT_ALLOWED');
      await this.stock.giveBack(m, order, volunteerId);
      await this.audited(m, actor, order, product, reason, 0);
      return this.refundedMessage(m, order, 0, reason);
    });
    await this.notifications.push([notificationId]);
  }

  private recordOperatorRefund(actor: Actor, order: MallOrder, product: MallProduct, reason: string): Promise<number> {
    return this.ds.transaction(async (m) => {
      const payment = await m
        .getRepository(MallPayment)
        .findOne({ where: { orderId: order.id, state: 'paid' }, order: { paidAt: 'ASC' } });
      if (!payment) throw new AppException('MALL_REFUND_NOT_ALLOWED');
      const moved = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ refundStatus: 'processing', refundReason: reason })
        .where("id = :id AND status = :from AND (refundStatus IS NULL OR refundStatus = 'failed')", {
          id: order.id,
          from: order.status,
        })
        .execute();
      if (!moved.affected) throw new AppException('MALL_REFUND_NOT_ALLOWED');
      const earlier = await m.getRepository(MallRefund).countBy({ paymentId: payment.id, kind: 'operator' });
      const refundId = await this.insertRefund(m, {
        order,
        payment,
        kind: 'operator',
        reason,
        outRefundNo: `RO${payment.outTradeNo}-${earlier + 1}`,
        requestedByUserId: actor.userId,
      });
      await this.audited(m, actor, order, product, reason, payment.amountFen);
      return refundId;
    });
  }

  /** Inside the payment's transaction: money for an order no longer waiting goes back in full, once per attempt. */
  async recordAutomatic(m: EntityManager, order: MallOrder, payment: MallPayment, reason: string): Promise<number> {
    if (order.status === 'cancelled')
      await m
        .getRepository(MallOrder)
        .update({ id: order.id, status: 'cancelled' }, { refundStatus: 'processing', refundReason: reason });
    logger.warn({ orderId: order.id, outTradeNo: payment.outTradeNo }, 'payment for an order no longer waiting');
    return this.insertRefund(m, {
      order,
      payment,
      kind: 'automatic',
      reason,
      outRefundNo: `RA${payment.outTradeNo}`,
      requestedByUserId: null,
    });
  }

  /** Asks WeChat Pay for the refund (after the commit); a transient failure is left to the mall-refund-query job. */
  async submit(refundId: number): Promise<void> {
    const refund = await this.ds.getRepository(MallRefund).findOneByOrFail({ id: refundId });
    if (refund.state !== 'processing') return;
    try {
      const answer = await this.pay.refund({
        outTradeNo: refund.outTradeNo,
        outRefundNo: refund.outRefundNo,
        refundFen: refund.amountFen,
        totalFen: refund.amountFen,
        reason: refund.reason,
      });
      await this.ds.getRepository(MallRefund).update({ id: refund.id }, { refundId: answer.refund_id ?? null });
      if (answer.status === 'SUCCESS') await this.complete(refund, answer.refund_id);
    } catch (err) {
      if (err instanceof WechatPayFailure && err.kind === 'rejected') {
        logger.error({ outRefundNo: refund.outRefundNo, code: err.code }, 'WeChat Pay refused the refund');
        await this.fail(refund);
        return;
      }
      logger.warn({ outRefundNo: refund.outRefundNo, err: String(err) }, 'refund not submitted; the job retries');
    }
  }

  /** A verified refund notification (or a query's answer): SUCCESS completes the refund once; CLOSED/ABNORMAL fail it. */
  async applyRefund(r: PayRefund): Promise<'succeeded' | 'failed' | 'processing' | 'ignored'> {
    const refund = await this.ds.getRepository(MallRefund).findOneBy({ outRefundNo: String(r.out_refund_no) });
    if (!refund || r.out_trade_no !== refund.outTradeNo || r.amount?.refund !== refund.amountFen) {
      logger.error({ outRefundNo: r.out_refund_no }, 'WeChat Pay refund unknown or not matching: ignored');
      return 'ignored';
    }
    const status = r.refund_status ?? r.status;
    if (status === 'SUCCESS') {
      await this.complete(refund, r.refund_id);
      return 'succeeded';
    }
    if (status === 'CLOSED' || status === 'ABNORMAL') {
      await this.fail(refund);
      return 'failed';
    }
    return 'processing';
  }

  /** The mall-refund-query job: refunds still processing after a minute are asked about (a lost one is resubmitted). */
  async queryProcessing(): Promise<{ checked: number; refunded: number }> {
    const due = await this.ds.getRepository(MallRefund).find({
      where: { state: 'processing', createdAt: LessThanOrEqual(new Date(this.clock.nowMs() - REFUND_QUERY_AFTER_MS)) },
      order: { id: 'ASC' },
      take: 200,
    });
    let refunded = 0;
    for (const refund of due) {
      try {
        const answer = await this.pay.queryRefund(refund.outRefundNo);
        if ((await this.applyRefund(answer)) === 'succeeded') refunded += 1;
      } catch (err) {
        if (err instanceof WechatPayFailure && err.kind === 'not_found') await this.submit(refund.id);
        else logger.warn({ outRefundNo: refund.outRefundNo, err: String(err) }, 'refund query failed; next run');
      }
    }
    return { checked: due.length, refunded };
  }

  private async complete(refund: MallRefund, wechatRefundId: string | undefined): Promise<void> {
    const order = await this.ds.getRepository(MallOrder).findOneByOrFail({ id: refund.orderId });
    const volunteerId = (await this.volunteers.findByUserId(order.userId))?.id ?? null;
    const notificationId = await this.ds.transaction(async (m) => {
      const moved = await m
        .createQueryBuilder()
        .update(MallRefund)
        .set({ state: 'succeeded', finishedAt: this.clock.now(), refundId: wechatRefundId ?? refund.refundId })
        .where('id = :id AND state IN (:...from)', { id: refund.id, from: ['processing', 'failed'] })
        .execute();
      if (!moved.affected) return null; // a replay: the first caller completed it
      if (refund.kind === 'automatic') {
        await m.getRepository(MallOrder).update({ id: order.id, status: 'cancelled' }, { refundStatus: 'succeeded' });
        return this.refundedMessage(m, order, refund.amountFen, refund.reason);
      }
      const took = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ status: 'refunded', refundStatus: 'succeeded' })
        .where('id = :id AND status IN (:...from)', { id: order.id, from: [...REFUNDABLE, 'completed'] })
        .execute();
      if (!took.affected) return null;
      await this.stock.giveBack(m, order, volunteerId);
      return this.refundedMessage(m, order, refund.amountFen, refund.reason);
    });
    if (notificationId) await this.notifications.push([notificationId]);
  }

  private async fail(refund: MallRefund): Promise<void> {
    await this.ds.transaction(async (m) => {
      const moved = await m
        .createQueryBuilder()
        .update(MallRefund)
        .set({ state: 'failed', finishedAt: this.clock.now() })
        .where("id = :id AND state = 'processing'", { id: refund.id })
        .execute();
      if (moved.affected)
        await m
          .getRepository(MallOrder)
          .update({ id: refund.orderId, refundStatus: 'processing' }, { refundStatus: 'failed' });
    });
  }

  private async insertRefund(
    m: EntityManager,
    r: {
      order: MallOrder;
      payment: MallPayment;
      kind: MallRefund['kind'];
      reason: string;
      outRefundNo: string;
      requestedByUserId: number | null;
    },
  ): Promise<number> {
    const repo = m.getRepository(MallRefund);
    const row = await repo.save(
      repo.create({
        orderId: r.order.id,
        paymentId: r.payment.id,
        outTradeNo: r.payment.outTradeNo,
        outRefundNo: r.outRefundNo,
        amountFen: r.payment.amountFen,
        kind: r.kind,
        state: 'processing',
        reason: [...r.reason].slice(0, 100).join(''), // by character, as the column counts
        requestedByUserId: r.requestedByUserId,
        createdAt: this.clock.now(),
        finishedAt: null,
        refundId: null,
      }),
    );
    return row.id;
  }

  private async audited(
    m: EntityManager,
    actor: Actor,
    order: MallOrder,
    product: MallProduct,
    reason: string,
    cashFen: number,
  ): Promise<void> {
    await this.audit.record(m, actor, {
      action: 'mall.order.refund',
      targetType: 'mall_order',
      targetId: String(order.id),
      orgUnitId: product.orgUnitId,
      before: { status: order.status },
      after: { reason, pointsTotal: order.pointsTotal, cashFen },
    });
  }

  private refundedMessage(m: EntityManager, order: MallOrder, cashFen: number, reason: string): Promise<number> {
    const what = `${order.productName} ×${order.quantity}`;
    const points = order.status === 'cancelled' ? '' : `积分 ${order.pointsTotal} 已退回；`;
    const money = cashFen > 0 ? `付款 ${yuan(cashFen)} 已原路退回。` : '';
    return this.notifications.create(m, {
      userId: order.userId,
      template: 'mall_refunded',
      title: '订单已退款',
      body: `${what} 已退款（${reason}）：${points}${money}`.replace(/；$/, '。'),
      page: `mall/order/index?id=${order.id}`,
      data: { thing1: what, thing2: reason, date3: this.clock.today() },
    });
  }
}
