import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { addCalendarDays } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { PointsLotUse } from './entities/points-lot-use.entity.js';
import { PointsLot } from './entities/points-lot.entity.js';

export interface OrgLiability {
  orgId: number;
  orgPath: string;
  points: number;
}

/**
 * Points still held by volunteers, per org that issued them (docs/points.md#lots): the sum of what their lots still
 * hold, spending having taken the oldest lots first. `scopePath` limits the answer to the issuing orgs in that
 * subtree; null is everything. Points credited before lots existed belong to no org and are not counted.
 */
@Injectable()
export class PointsLiabilityQuery {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async liabilityByOrg(scopePath: string | null): Promise<OrgLiability[]> {
    const qb = this.ds
      .getRepository(PointsLot)
      .createQueryBuilder('l')
      .select('l.awardingOrgId', 'orgId')
      .addSelect('MAX(l.awardingOrgPath)', 'orgPath')
      .addSelect('SUM(l.remaining)', 'points')
      .where('l.remaining > 0')
      .groupBy('l.awardingOrgId');
    return rows(inScope(qb, scopePath));
  }

  /**
   * Points redeemed in the mall per org that issued them, between two Shanghai dates (inclusive, null = open), as the
   * lots the redemptions took them from; what a refund gave back is not counted.
   */
  async redeemedByIssuingOrg(
    scopePath: string | null,
    from: string | null,
    to: string | null,
  ): Promise<OrgLiability[]> {
    const qb = this.ds
      .getRepository(PointsLotUse)
      .createQueryBuilder('u')
      .innerJoin(PointsLot, 'l', 'l.id = u.lotId')
      .innerJoin(PointsLedgerEntry, 'e', 'e.id = u.entryId')
      .select('l.awardingOrgId', 'orgId')
      .addSelect('MAX(l.awardingOrgPath)', 'orgPath')
      .addSelect('SUM(u.amount)', 'points')
      .where("e.type = 'redemption' AND u.restoredByEntryId IS NULL")
      .groupBy('l.awardingOrgId');
    if (from) qb.andWhere('e.createdAt >= :from', { from: this.clock.startOfDay(from) });
    if (to) qb.andWhere('e.createdAt < :to', { to: this.clock.startOfDay(addCalendarDays(to, 1)) });
    return rows(inScope(qb, scopePath));
  }
  /**
   * Points issued (credited into lots) per issuing org, for the lots with id in (afterId, upTo], and the highest lot id
   * read: the dashboard's summary job adds these up from its watermark.
   */
  async issuedByOrgAfter(afterId: number): Promise<{ upTo: number; rows: { orgId: number; points: number }[] }> {
    const repo = this.ds.getRepository(PointsLot);
    const max: { upTo: string | number | null } | undefined = await repo
      .createQueryBuilder('l')
      .select('MAX(l.id)', 'upTo')
      .getRawOne();
    const upTo = Number(max?.upTo ?? 0);
    if (upTo <= afterId) return { upTo: afterId, rows: [] };
    const raw: { orgId: number; points: string | number }[] = await repo
      .createQueryBuilder('l')
      .select('l.awardingOrgId', 'orgId')
      .addSelect('SUM(l.amount)', 'points')
      .where('l.id > :afterId AND l.id <= :upTo', { afterId, upTo })
      .groupBy('l.awardingOrgId')
      .getRawMany();
    return { upTo, rows: raw.map((r) => ({ orgId: Number(r.orgId), points: Number(r.points ?? 0) })) };
  }

  /** Points taken from lots per issuing org by expiry (net of what was restored), everything so far. */
  async expiredByIssuingOrg(): Promise<OrgLiability[]> {
    const qb = this.ds
      .getRepository(PointsLotUse)
      .createQueryBuilder('u')
      .innerJoin(PointsLot, 'l', 'l.id = u.lotId')
      .innerJoin(PointsLedgerEntry, 'e', 'e.id = u.entryId')
      .select('l.awardingOrgId', 'orgId')
      .addSelect('MAX(l.awardingOrgPath)', 'orgPath')
      .addSelect('SUM(u.amount)', 'points')
      .where("e.type = 'expiry' AND u.restoredByEntryId IS NULL")
      .groupBy('l.awardingOrgId');
    return rows(qb);
  }
}

function inScope<T extends object>(qb: SelectQueryBuilder<T>, scopePath: string | null): SelectQueryBuilder<T> {
  // org paths are digits and slashes (as every scoped query compares them)
  if (scopePath) qb.andWhere('l.awardingOrgPath LIKE :p', { p: `${scopePath}%` });
  return qb;
}

async function rows<T extends object>(qb: SelectQueryBuilder<T>): Promise<OrgLiability[]> {
  const raw: { orgId: number; orgPath: string; points: string | number }[] = await qb.getRawMany();
  return raw
    .map((r) => ({ orgId: Number(r.orgId), orgPath: r.orgPath, points: Number(r.points ?? 0) }))
    .filter((r) => r.points > 0)
    .sort((a, b) => a.orgPath.localeCompare(b.orgPath) || a.orgId - b.orgId);
}
