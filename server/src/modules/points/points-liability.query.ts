import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';

export interface OrgLiability {
  orgId: number;
  orgPath: string;
  points: number;
}

/**
 * Points still held by volunteers, per org that issued them (docs/product.md#points). `scopePath` limits the
 * answer to the issuing orgs in that subtree; null is everything.
 */
@Injectable()
export class PointsLiabilityQuery {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async liabilityByOrg(scopePath: string | null): Promise<OrgLiability[]> {
    const qb = this.ds
      .getRepository(PointsLedgerEntry)
      .createQueryBuilder('e')
      .select('e.awardingOrgId', 'orgId')
      .addSelect('MAX(e.awardingOrgPath)', 'orgPath')
      .addSelect('SUM(e.amount)', 'points')
      .where('e.awardingOrgId IS NOT NULL')
      .groupBy('e.awardingOrgId');
    if (scopePath) qb.andWhere('e.awardingOrgPath LIKE :p', { p: `${scopePath}%` });
    const rows: { orgId: number; orgPath: string; points: string | number }[] = await qb.getRawMany();
    return rows
      .map((r) => ({ orgId: Number(r.orgId), orgPath: r.orgPath, points: Number(r.points ?? 0) }))
      .filter((r) => r.points > 0)
      .sort((a, b) => a.orgPath.localeCompare(b.orgPath));
  }
}
