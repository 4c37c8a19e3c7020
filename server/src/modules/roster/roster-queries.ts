import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACTIVE_MEMBER_BY_ID_HASH } from '../volunteers/volunteer-queries.js';
import { RosterGuard } from './roster-guard.entity.js';

/** Roster guards and how many of them are active volunteers, per company (the join rate's denominator). */
export interface CompanyRosterCounts {
  companyId: number;
  total: number;
  joined: number;
  certified: number;
  certifiedJoined: number;
}

/** A roster guard not yet a volunteer (the name and the sealed ID number; the caller masks them). */
export interface MissingRosterGuard {
  id: number;
  companyId: number;
  name: string;
  idEnc: string;
  certified: boolean;
}

/** Reads of the roster for other modules (the dashboard's join rate and the guards not yet joined). */
@Injectable()
export class RosterQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Per company: guards, those who joined (an active member with the same ID number), certified and joined. */
  async countsByCompany(): Promise<CompanyRosterCounts[]> {
    const rows: Record<string, string | number>[] = await this.ds
      .getRepository(RosterGuard)
      .createQueryBuilder('r')
      .leftJoin(ACTIVE_MEMBER_BY_ID_HASH.table, 'v', ACTIVE_MEMBER_BY_ID_HASH.on('v', 'r.idHash'))
      .select('r.companyId', 'companyId')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN v.id IS NULL THEN 0 ELSE 1 END)', 'joined')
      .addSelect('SUM(CASE WHEN r.certified = 1 THEN 1 ELSE 0 END)', 'certified')
      .addSelect('SUM(CASE WHEN r.certified = 1 AND v.id IS NOT NULL THEN 1 ELSE 0 END)', 'certifiedJoined')
      .groupBy('r.companyId')
      .getRawMany();
    return rows.map((r) => ({
      companyId: Number(r.companyId),
      total: Number(r.total),
      joined: Number(r.joined ?? 0),
      certified: Number(r.certified ?? 0),
      certifiedJoined: Number(r.certifiedJoined ?? 0),
    }));
  }

  /** Guards of these companies who are not active volunteers (certified ones only, if asked), by id, one page. */
  async notJoined(
    companyIds: readonly number[],
    certifiedOnly: boolean,
    skip: number,
    take: number,
  ): Promise<{ rows: MissingRosterGuard[]; total: number }> {
    if (companyIds.length === 0) return { rows: [], total: 0 };
    const qb = this.ds
      .getRepository(RosterGuard)
      .createQueryBuilder('r')
      .leftJoin(ACTIVE_MEMBER_BY_ID_HASH.table, 'v', ACTIVE_MEMBER_BY_ID_HASH.on('v', 'r.idHash'))
      .select(['r.id', 'r.companyId', 'r.name', 'r.idEnc', 'r.certified'])
      .where('r.companyId IN (:...companyIds)', { companyIds: [...companyIds] })
      .andWhere('v.id IS NULL')
      .orderBy('r.id', 'ASC')
      .skip(skip)
      .take(take);
    if (certifiedOnly) qb.andWhere('r.certified = 1');
    const [rows, total] = await qb.getManyAndCount();
    return {
      rows: rows.map((r) => ({
        id: r.id,
        companyId: r.companyId,
        name: r.name,
        idEnc: r.idEnc,
        certified: r.certified,
      })),
      total,
    };
  }
}
