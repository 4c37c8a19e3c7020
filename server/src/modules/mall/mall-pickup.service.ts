import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MALL_ORDER_STATUS_LABELS,
  MALL_PICKUP_QR_PREFIX,
  businessDateTime,
  type MallAdminOrderDetail,
  type MallPickupLookup,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallOrderNames } from './mall-orders-admin.names.js';
import { whereOrderInReach } from './mall-orders-admin.reach.js';
import { MallOrdersAdminService } from './mall-orders-admin.service.js';
import { MallPickupMisses } from './mall-pickup-misses.js';

/** Tries at a fresh code when the one drawn is already some order's (1 in 10⁸ per live code). */
const CODE_ATTEMPTS = 5;

/** 8 random digits from the system's CSPRNG. */
export function newPickupCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** The 8 digits of what was typed or scanned (`12345678` or `jhyj-pickup:12345678`). */
export function pickupCodeOf(text: string): string {
  const t = text.trim();
  return t.startsWith(MALL_PICKUP_QR_PREFIX) ? t.slice(MALL_PICKUP_QR_PREFIX.length) : t;
}

/**
 * Pickup (核销, docs/mall.md#pickup): `paid` → `ready` gives the order its one-time code and tells the guard;
 * the station looks the code up and confirms the hand-over once, by a conditional UPDATE on `status = 'ready'`.
 * A code outside the viewer's reach reads as unknown, and unknown codes are braked per member of staff.
 */
@Injectable()
export class MallPickupService {
  /** Draws a pickup code (a spec may replace it to force a duplicate). */
  drawCode: () => string = newPickupCode;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly orders: MallOrdersAdminService,
    private readonly names: MallOrderNames,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly misses: MallPickupMisses,
  ) {}

  async ready(actor: Actor, id: number): Promise<MallAdminOrderDetail> {
    const order = await this.orders.reachable(actor, id);
    if (order.status !== 'paid') throw new AppException('MALL_ORDER_NOT_PAID');
    // a refund under way: the item is not to be prepared (the guard would be told to come for it)
    if (order.refundStatus === 'processing') throw new AppException('MALL_ORDER_REFUNDING');
    const station = (await this.names.forOrders([order])).org(order.pickupStationId);
    for (let attempt = 1; ; attempt++) {
      try {
        const code = this.drawCode();
        const message = await this.ds.transaction((m) => this.markReady(m, actor, order, code, station));
        await this.notifications.push([message]);
        break;
      } catch (e) {
        if (!isDuplicateKey(e) || attempt >= CODE_ATTEMPTS) throw e;
      }
    }
    return this.orders.detail(actor, id);
  }

  async lookup(actor: Actor, text: string): Promise<MallPickupLookup> {
    return this.lookupOf(await this.byCode(actor, text));
  }

  async confirm(actor: Actor, text: string): Promise<MallPickupLookup> {
    const order = await this.byCode(actor, text);
    if (order.status === 'completed') throw await this.used(order);
    if (order.status !== 'ready') throw new AppException('MALL_ORDER_STATE_CHANGED');
    if (order.refundStatus === 'processing') throw new AppException('MALL_PICKUP_REFUNDING');
    const now = this.clock.now();
    const message = await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(MallOrder)
        .set({ status: 'completed', completedAt: now, verifiedAt: now, verifiedByUserId: actor.userId })
        // a refund under way (its money not back yet) holds the item: no hand-over until it fails or completes
        .where(
          "id = :id AND pickupCode = :code AND status = 'ready' AND (refundStatus IS NULL OR refundStatus = 'failed')",
          {
            id: order.id,
            code: order.pickupCode,
          },
        )
        .execute();
      if (!res.affected) return null;
      await this.audit.record(m, actor, {
        action: 'mall.order.pickup',
        targetType: 'mall_order',
        targetId: String(order.id),
        orgUnitId: order.pickupStationId,
        before: { status: 'ready' },
        after: { status: 'completed' },
      });
      return this.notifications.create(m, {
        userId: order.userId,
        template: 'order_status',
        title: '兑换物品已领取',
        body: `您兑换的「${order.productName}」×${order.quantity} 已领取。`,
        page: `mall/order/index?id=${order.id}`,
        data: { thing1: order.productName, thing2: '已领取' },
      });
    });
    const after = await this.ds.getRepository(MallOrder).findOneByOrFail({ id: order.id });
    if (message === null) {
      // another confirm (or a refund) took the order between the read and the update
      if (after.status === 'completed') throw await this.used(after);
      if (after.refundStatus === 'processing') throw new AppException('MALL_PICKUP_REFUNDING');
      throw new AppException('MALL_ORDER_STATE_CHANGED');
    }
    await this.notifications.push([message]);
    return this.lookupOf(after);
  }

  private async markReady(
    m: EntityManager,
    actor: Actor,
    order: MallOrder,
    code: string,
    station: string | null,
  ): Promise<number> {
    const res = await m
      .createQueryBuilder()
      .update(MallOrder)
      .set({ status: 'ready', readyAt: this.clock.now(), pickupCode: code })
      .where("id = :id AND status = 'paid' AND (refundStatus IS NULL OR refundStatus = 'failed')", { id: order.id })
      .execute();
    if (!res.affected) throw new AppException('MALL_ORDER_STATE_CHANGED');
    await this.audit.record(m, actor, {
      action: 'mall.order.ready',
      targetType: 'mall_order',
      targetId: String(order.id),
      orgUnitId: order.pickupStationId,
      before: { status: 'paid' },
      after: { status: 'ready' },
    });
    const item = `「${order.productName}」×${order.quantity}`;
    return this.notifications.create(m, {
      userId: order.userId,
      template: 'order_status',
      title: station ? '可以领取了' : '兑换物品已寄出',
      body: station
        ? `您兑换的${item}可以领取了：请到${station}，出示订单页上的领取码或二维码。`
        : `您兑换的${item}已寄出，收到后请在订单页查看。`,
      page: `mall/order/index?id=${order.id}`,
      data: { thing1: order.productName, thing2: station ? '可以领取了' : '已寄出' },
    });
  }

  /** The order of a code within the actor's reach; an unknown or unreachable code counts as a miss and is 404. */
  private async byCode(actor: Actor, text: string): Promise<MallOrder> {
    this.misses.check(actor.userId);
    const code = pickupCodeOf(text);
    const order = /^\d{8}$/.test(code)
      ? await whereOrderInReach(this.ds.getRepository(MallOrder).createQueryBuilder('o'), actor)
          .andWhere('o.pickupCode = :code', { code })
          .getOne()
      : null;
    if (!order) {
      this.misses.record(actor.userId);
      throw new AppException('MALL_PICKUP_NOT_FOUND');
    }
    return order;
  }

  private async lookupOf(o: MallOrder): Promise<MallPickupLookup> {
    const names = await this.names.forOrders([o]);
    return {
      orderId: o.id,
      productName: o.productName,
      quantity: o.quantity,
      volunteerName: names.volunteer(o.userId),
      pickupStationName: names.org(o.pickupStationId),
      status: o.status,
      statusLabel: MALL_ORDER_STATUS_LABELS[o.status],
      usedAt: o.verifiedAt?.toISOString() ?? null,
      usedByName: names.staff(o.verifiedByUserId),
    };
  }

  /** `MALL_PICKUP_USED`, saying when (Shanghai time) and by whom; the same in the error's details. */
  private async used(o: MallOrder): Promise<AppException> {
    const by = (await this.names.forOrders([o])).staff(o.verifiedByUserId) ?? '工作人员';
    const when = o.verifiedAt ? businessDateTime(o.verifiedAt, this.clock.zone) : '';
    return new AppException(
      'MALL_PICKUP_USED',
      { orderId: o.id, usedAt: o.verifiedAt?.toISOString() ?? null, usedAtText: when, usedByName: by },
      `这个领取码已于 ${when} 由 ${by} 核销，不能再次领取`,
    );
  }
}
