import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { MALL_UNPAID_CANCEL_MINUTES, type MallOrderResponse, type MallOrderStatus, type Page } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { orderResponse, ownOrderResponse } from './mall-mapper.js';
import { MallPaymentsService } from './mall-payments.service.js';
import { MallStock } from './mall-stock.js';
import { MAX_POINTS_TOTAL, type PlaceMallOrderDto } from './mall.dto.js';

/**
 * Redemption orders (docs/mall.md). Placing one is one transaction: the order row (unique per person and request
 * id, so a repeat finds the first), then stock, the person's limit and the points debit, each a conditional UPDATE.
 * Points-only orders are `paid` at once; with a cash part they wait in `pending_payment`. A cancellation moves the
 * status first with a conditional UPDATE, and only the caller that moved it gives stock and points back.
 */
@Injectable()
export class MallOrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly stock: MallStock,
    private readonly volunteers: VolunteerQueries,
    private readonly payments: MallPaymentsService,
  ) {}

  async place(actor: Actor, dto: PlaceMallOrderDto): Promise<MallOrderResponse> {
    const existing = await this.byRequest(actor.userId, dto.clientRequestId);
    if (existing) return orderResponse(existing);
    const product = await this.ds.getRepository(MallProduct).findOneBy({ id: dto.productId });
    if (!product) throw AppException.notFound();
    if (!product.onShelf) throw new AppException('MALL_OFF_SHELF');
    if (product.perPersonLimit !== null && dto.quantity > product.perPersonLimit)
      throw new AppException('MALL_LIMIT_REACHED');
    // nobody holds more points than a balance can count: a total past it is simply not affordable
    if (product.pointsPrice * dto.quantity > MAX_POINTS_TOTAL) throw new AppException('MALL_POINTS_INSUFFICIENT');
    const pickupStationId = pickupOf(product, dto.pickupStationId);
    // sold out as read: refused without a transaction, so a rush on the last units queues only the sales on the
    // product's row; the conditional stock update inside the transaction is still what prevents an oversell
    if (product.stock < dto.quantity) throw new AppException('MALL_OUT_OF_STOCK');
    const volunteerId = (await this.volunteers.findByUserId(actor.userId))?.id ?? null;
    try {
      const order = await this.ds.transaction(async (m) => {
        const repo = m.getRepository(MallOrder);
        const o = await repo.save(
          repo.create({
            userId: actor.userId,
            clientRequestId: dto.clientRequestId,
            productId: product.id,
            productName: product.name,
            quantity: dto.quantity,
            pointsTotal: product.pointsPrice * dto.quantity,
            cashFenTotal: product.cashFen * dto.quantity,
            status: product.cashFen > 0 ? 'pending_payment' : 'paid',
            pickupStationId,
            orgPath: product.orgPath,
            createdAt: this.clock.now(),
            cancelledAt: null,
          }),
        );
        await this.stock.take(m, o, product, volunteerId);
        return o;
      });
      return orderResponse(order);
    } catch (e) {
      // a simultaneous repeat of the same request: its twin holds the unique key, answer with that order
      const twin = isDuplicateKey(e) ? await this.byRequest(actor.userId, dto.clientRequestId) : null;
      if (twin) return orderResponse(twin);
      throw e;
    }
  }

  /** The guard cancels an order not yet paid, or a points-only order not yet prepared for pickup. */
  async cancelMine(actor: Actor, id: number): Promise<MallOrderResponse> {
    const order = await this.ds.getRepository(MallOrder).findOneBy({ id, userId: actor.userId });
    if (!order) throw AppException.notFound();
    const from: MallOrderStatus | null =
      order.status === 'pending_payment' || (order.status === 'paid' && order.cashFenTotal === 0) ? order.status : null;
    if (!from) throw new AppException('MALL_ORDER_STATE_CHANGED');
    // a prepay is closed at WeChat Pay first; paid meanwhile → the order is paid, not cancelled
    const verdict = order.cashFenTotal > 0 ? await this.payments.settleBeforeCancel(order) : 'cancel';
    if (verdict === 'wait') throw new AppException('MALL_PAYMENT_UNAVAILABLE');
    if (verdict === 'paid' || !(await this.cancel(order, from))) throw new AppException('MALL_ORDER_STATE_CHANGED');
    return orderResponse(await this.ds.getRepository(MallOrder).findOneByOrFail({ id }));
  }

  /**
   * Orders with a cash part unpaid for MALL_UNPAID_CANCEL_MINUTES: WeChat Pay is asked first (paid → marked paid, not
   * cancelled; no answer → the next run), the prepay closed, then cancelled, stock and points back, once each.
   */
  async cancelUnpaid(): Promise<{ cancelled: number; paid?: number }> {
    const cutoff = new Date(this.clock.nowMs() - MALL_UNPAID_CANCEL_MINUTES * 60_000);
    const due = await this.ds.getRepository(MallOrder).find({
      where: { status: 'pending_payment', createdAt: LessThanOrEqual(cutoff) },
      order: { id: 'ASC' },
      take: 500,
    });
    let cancelled = 0;
    let paid = 0;
    for (const order of due) {
      const verdict = await this.payments.settleBeforeCancel(order);
      if (verdict === 'paid') paid += 1;
      else if (verdict === 'cancel' && (await this.cancel(order, 'pending_payment'))) cancelled += 1;
    }
    return paid ? { cancelled, paid } : { cancelled };
  }

  async listMine(actor: Actor, q: PageQueryDto): Promise<Page<MallOrderResponse>> {
    const [rows, total] = await this.ds.getRepository(MallOrder).findAndCount({
      where: { userId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(ownOrderResponse), total, q);
  }

  async mine(actor: Actor, id: number): Promise<MallOrderResponse> {
    const order = await this.ds.getRepository(MallOrder).findOneBy({ id, userId: actor.userId });
    if (!order) throw AppException.notFound();
    return ownOrderResponse(order);
  }

  /** true when this call moved the order to cancelled (and so gave stock and points back); false if another did. */
  private async cancel(order: MallOrder, from: MallOrderStatus): Promise<boolean> {
    const volunteerId = (await this.volunteers.findByUserId(order.userId))?.id ?? null;
    return this.ds.transaction(async (m) => {
      const moved = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ status: 'cancelled', cancelledAt: this.clock.now() })
        .where('id = :id AND status = :from', { id: order.id, from })
        .execute();
      if (!moved.affected) return false;
      await this.stock.giveBack(m, order, volunteerId);
      return true;
    });
  }

  private byRequest(userId: number, clientRequestId: string): Promise<MallOrder | null> {
    return this.ds.getRepository(MallOrder).findOneBy({ userId, clientRequestId });
  }
}

/** The station the guard picks up at: required (and one of the product's) unless the product is delivered. */
function pickupOf(product: MallProduct, chosen: number | undefined): number | null {
  if (chosen !== undefined) {
    if (!product.pickupStationIds.includes(chosen)) throw new AppException('MALL_PICKUP_INVALID');
    return chosen;
  }
  if (!product.delivery && product.pickupStationIds.length > 0) throw new AppException('MALL_PICKUP_INVALID');
  return null;
}
