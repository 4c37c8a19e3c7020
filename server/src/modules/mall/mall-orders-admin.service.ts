import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { addCalendarDays, type MallAdminOrderDetail, type MallOrderResponse, type Page } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { likeContaining, orderResponse } from './mall-mapper.js';
import type { MallAdminOrderQueryDto } from './mall-orders-admin.dto.js';
import { MallOrderNames } from './mall-orders-admin.names.js';
import { orderReach, whereOrderInReach } from './mall-orders-admin.reach.js';

/**
 * The staff side of orders (docs/mall.md#orders): the filtered list, one order's detail, the query the export
 * shares. The operator reaches orders of products of their unit and below, a station officer the orders to be
 * picked up at their station; anything else is 404.
 */
@Injectable()
export class MallOrdersAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly names: MallOrderNames,
  ) {}

  async list(actor: Actor, q: MallAdminOrderQueryDto): Promise<Page<MallOrderResponse>> {
    const [rows, total] = await this.query(actor, q)
      .orderBy('o.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(rows.map(orderResponse), total, q);
  }

  async detail(actor: Actor, id: number): Promise<MallAdminOrderDetail> {
    return this.detailOf(actor, await this.reachable(actor, id));
  }

  /** The order as staff see it; the code only on a delivery order, which the operator confirms as delivered. */
  async detailOf(actor: Actor, o: MallOrder): Promise<MallAdminOrderDetail> {
    const product = await this.ds.getRepository(MallProduct).findOne({
      where: { id: o.productId },
      select: { id: true, orgUnitId: true },
    });
    const names = await this.names.forOrders([o]);
    const payments = await this.ds
      .getRepository(MallPayment)
      .find({ where: { orderId: o.id }, order: { attempt: 'ASC' } });
    const deliveryCode = o.pickupStationId === null && orderReach(actor).productPrefix !== null;
    return {
      ...orderResponse(o),
      ...(deliveryCode ? { pickupCode: o.pickupCode, pickupQr: null } : {}),
      productOrgUnitId: product?.orgUnitId ?? 0,
      volunteerName: names.volunteer(o.userId),
      // every WeChat Pay attempt of the cash part, oldest first (none for a points-only order)
      payments: payments.map((p) => ({
        outTradeNo: p.outTradeNo,
        state: p.state,
        createdAt: p.createdAt.toISOString(),
        paidAt: p.paidAt?.toISOString() ?? null,
      })),
      verifiedAt: o.verifiedAt?.toISOString() ?? null,
      verifiedByName: names.staff(o.verifiedByUserId),
    };
  }

  /** The order if the actor reaches it, else 404. */
  async reachable(actor: Actor, id: number): Promise<MallOrder> {
    const o = await whereOrderInReach(this.ds.getRepository(MallOrder).createQueryBuilder('o'), actor)
      .andWhere('o.id = :id', { id })
      .getOne();
    if (!o) throw AppException.notFound();
    return o;
  }

  /** The orders in reach matching the filters (dates are Shanghai days of `createdAt`, both ends included). */
  query(actor: Actor, q: MallAdminOrderQueryDto): SelectQueryBuilder<MallOrder> {
    const qb = whereOrderInReach(this.ds.getRepository(MallOrder).createQueryBuilder('o'), actor);
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.productId) qb.andWhere('o.productId = :productId', { productId: q.productId });
    if (q.pickupStationId) qb.andWhere('o.pickupStationId = :station', { station: q.pickupStationId });
    if (q.from) qb.andWhere('o.createdAt >= :fromAt', { fromAt: this.clock.startOfDay(q.from) });
    if (q.to) qb.andWhere('o.createdAt < :toAt', { toAt: this.clock.startOfDay(addCalendarDays(q.to, 1)) });
    const text = q.q?.trim();
    if (text) {
      const id = /^\d{1,9}$/.test(text) ? Number(text) : 0;
      qb.andWhere("(o.id = :qid OR o.productName LIKE :qname ESCAPE '!')", { qid: id, qname: likeContaining(text) });
    }
    return qb;
  }
}
