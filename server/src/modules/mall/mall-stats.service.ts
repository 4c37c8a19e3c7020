import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays, type MallStats } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { scopePrefix } from '../../common/scope/org-scope.js';
import { OrgService } from '../org/org.service.js';
import { PointsLiabilityQuery } from '../points/points-liability.query.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import type { MallStatsQueryDto } from './mall-stats.dto.js';

/** The longest period one statistics request may span, in days. */
const MAX_SPAN_DAYS = 366;
/** Orders that count as sold: redeemed and not given back (refunded, cancelled and unpaid ones do not count). */
const SOLD = ['paid', 'ready', 'completed'] as const;

interface SalesRow {
  orgUnitId: number | string;
  orders: number | string;
  units: number | string | null;
  points: number | string | null;
  cash: number | string | null;
}

/**
 * Mall statistics for the operator (docs/mall.md#statistics): sales per product org in a period of Shanghai days,
 * and the points volunteers still hold per org that issued them (the points module's liability query), both
 * limited to the operator's unit and below.
 */
@Injectable()
export class MallStatsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly liability: PointsLiabilityQuery,
  ) {}

  async stats(actor: Actor, q: MallStatsQueryDto): Promise<MallStats> {
    const prefix = scopePrefix(actor);
    const { from, to } = this.period(q);
    const rows: SalesRow[] = await this.ds
      .getRepository(MallOrder)
      .createQueryBuilder('o')
      .innerJoin(MallProduct, 'p', 'p.id = o.productId')
      .select('p.orgUnitId', 'orgUnitId')
      .addSelect('COUNT(o.id)', 'orders')
      .addSelect('SUM(o.quantity)', 'units')
      .addSelect('SUM(o.pointsTotal)', 'points')
      .addSelect('SUM(o.cashFenTotal)', 'cash')
      .where('o.status IN (:...sold)', { sold: SOLD })
      .andWhere('o.orgPath LIKE :prefix', { prefix: `${prefix}%` })
      .andWhere('o.createdAt >= :fromAt AND o.createdAt < :toAt', {
        fromAt: this.clock.startOfDay(from),
        toAt: this.clock.startOfDay(addCalendarDays(to, 1)),
      })
      .groupBy('p.orgUnitId')
      .getRawMany();
    const held = await this.liability.liabilityByOrg(prefix);
    const units = await this.org.findByIds([
      ...new Set([...rows.map((r) => Number(r.orgUnitId)), ...held.map((h) => h.orgId)]),
    ]);
    const name = new Map(units.map((u) => [u.id, u.name]));
    const path = new Map(units.map((u) => [u.id, u.path]));
    const byPath = (a: { orgUnitId: number }, b: { orgUnitId: number }) =>
      (path.get(a.orgUnitId) ?? '').localeCompare(path.get(b.orgUnitId) ?? '');
    return {
      from,
      to,
      sales: rows
        .map((r) => ({
          orgUnitId: Number(r.orgUnitId),
          orgName: name.get(Number(r.orgUnitId)) ?? '',
          orders: Number(r.orders),
          units: Number(r.units ?? 0),
          pointsRedeemed: Number(r.points ?? 0),
          cashFen: Number(r.cash ?? 0),
        }))
        .sort(byPath),
      liability: held
        .map((h) => ({ orgUnitId: h.orgId, orgName: name.get(h.orgId) ?? '', points: h.points }))
        .sort(byPath),
    };
  }

  /** The period asked for; by default the current Shanghai month up to today. */
  private period(q: MallStatsQueryDto): { from: string; to: string } {
    const today = this.clock.today();
    const to = q.to ?? today;
    const from = q.from ?? `${(q.to ?? today).slice(0, 8)}01`;
    if (from > to || addCalendarDays(from, MAX_SPAN_DAYS) < to) throw new AppException('MALL_STATS_RANGE_INVALID');
    return { from, to };
  }
}
