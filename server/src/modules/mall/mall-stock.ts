import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../common/errors/app-exception.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { MallHolding } from './entities/mall-holding.entity.js';
import type { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';

/**
 * What an order takes and what a cancellation gives back (docs/mall.md), each step a conditional UPDATE inside the
 * caller's transaction: the stock (`stock >= :q AND onShelf`), the person's holding of the product (`held + :q <=
 * limit`), and the points through the ledger (`balance + amount >= 0`). Any refusal rolls the whole order back.
 */
@Injectable()
export class MallStock {
  constructor(private readonly points: PointsLedgerService) {}

  async take(m: EntityManager, order: MallOrder, product: MallProduct, volunteerId: number | null): Promise<void> {
    const q = order.quantity;
    const taken = await m
      .createQueryBuilder()
      .update(MallProduct)
      .set({ stock: () => 'stock - :q' })
      .where('id = :id AND stock >= :q AND onShelf = :on', { id: product.id, q, on: true })
      .execute();
    if (!taken.affected) {
      const now = await m.getRepository(MallProduct).findOneByOrFail({ id: product.id });
      throw new AppException(now.onShelf ? 'MALL_OUT_OF_STOCK' : 'MALL_OFF_SHELF');
    }
    await this.hold(m, order.userId, product, q);
    try {
      await this.points.post(m, {
        userId: order.userId,
        volunteerId,
        type: 'redemption',
        amount: -order.pointsTotal,
        sourceType: 'mall_order',
        sourceId: String(order.id),
        description: `兑换 ${order.productName} ×${q}`,
        idempotencyKey: `mall:order:${order.id}`,
        awardingOrgId: null,
        awardingOrgPath: null,
      });
    } catch (e) {
      if (e instanceof AppException && e.code === 'POINTS_INSUFFICIENT_BALANCE')
        throw new AppException('MALL_POINTS_INSUFFICIENT');
      throw e;
    }
  }

  /** Only the caller that moved the order out of a live status calls this, so it runs once per order. */
  async giveBack(m: EntityManager, order: MallOrder, volunteerId: number | null): Promise<void> {
    await m
      .createQueryBuilder()
      .update(MallProduct)
      .set({ stock: () => 'stock + :q' })
      .where('id = :id', { id: order.productId, q: order.quantity })
      .execute();
    await m
      .createQueryBuilder()
      .update(MallHolding)
      .set({ held: () => 'held - :q' })
      .where('userId = :u AND productId = :p AND held >= :q', {
        u: order.userId,
        p: order.productId,
        q: order.quantity,
      })
      .execute();
    await this.points.post(m, {
      userId: order.userId,
      volunteerId,
      type: 'refund',
      amount: order.pointsTotal,
      sourceType: 'mall_order',
      sourceId: String(order.id),
      description: `取消兑换 ${order.productName} ×${order.quantity}`,
      idempotencyKey: `mall:refund:${order.id}`,
      awardingOrgId: null,
      awardingOrgPath: null,
      notify: false,
    });
  }

  /** The per-person limit: the holding row moves only while it stays within the limit, so a rush cannot pass it. */
  private async hold(m: EntityManager, userId: number, product: MallProduct, q: number): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(MallHolding)
      .values({ userId, productId: product.id, held: 0 })
      .orIgnore()
      .execute();
    const qb = m
      .createQueryBuilder()
      .update(MallHolding)
      .set({ held: () => 'held + :q' })
      .where('userId = :userId AND productId = :productId', { userId, productId: product.id, q });
    if (product.perPersonLimit !== null) qb.andWhere('held + :q <= :limit', { limit: product.perPersonLimit });
    const res = await qb.execute();
    if (!res.affected) throw new AppException('MALL_LIMIT_REACHED');
  }
}
