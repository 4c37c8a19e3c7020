import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { maskIdNumber, type MyCompanyResponse, type Page, type RosterGuardResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { whereOrgInScope } from '../../common/scope/org-scope.js';
import { CompaniesService, likeContains } from '../companies/companies.service.js';
import { toCompanyResponse } from '../companies/companies.mapper.js';
import { RosterGuard } from './roster-guard.entity.js';
import { ACTIVE_MEMBER_BY_ID_HASH } from '../volunteers/volunteer-queries.js';
import type { RosterQueryDto } from './roster.dto.js';

/** Join-rate targets by employer type (docs/product.md#join-rate-targets, seed). */
export const JOIN_RATE_TARGETS = { security_company: 0.8, self_recruiting: 0.6, property: 0.6 } as const;

/** Reading the roster: scoped staff lists and the company manager's own view. */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly companies: CompaniesService,
  ) {}

  async list(actor: Actor, q: RosterQueryDto): Promise<Page<RosterGuardResponse>> {
    const qb = this.baseQuery();
    whereOrgInScope(qb, actor, 'c.homeStationId');
    return this.page(qb, q);
  }

  async myCompany(actor: Actor): Promise<MyCompanyResponse> {
    const company = await this.companies.forManager(actor);
    const [row] = (await this.dataSource.query(
      `SELECT COUNT(*) AS rosterSize,
              SUM(CASE WHEN r.certified = ? THEN 1 ELSE 0 END) AS certifiedCount,
              SUM(CASE WHEN v.id IS NOT NULL THEN 1 ELSE 0 END) AS joinedCount
         FROM roster_guards r LEFT JOIN ${ACTIVE_MEMBER_BY_ID_HASH.table} v ON ${ACTIVE_MEMBER_BY_ID_HASH.on('v', 'r.idHash')}
        WHERE r.companyId = ?`,
      [1, company.id],
    )) as {
      rosterSize: number | string;
      certifiedCount: number | string | null;
      joinedCount: number | string | null;
    }[];
    const rosterSize = Number(row.rosterSize);
    const joinedCount = Number(row.joinedCount ?? 0);
    return {
      company: toCompanyResponse(company, this.pii),
      rosterSize,
      certifiedCount: Number(row.certifiedCount ?? 0),
      joinedCount,
      joinRate: rosterSize ? Math.round((joinedCount / rosterSize) * 10000) / 10000 : 0,
      target: JOIN_RATE_TARGETS[company.type],
    };
  }

  async myCompanyGuards(actor: Actor, q: RosterQueryDto): Promise<Page<RosterGuardResponse>> {
    const company = await this.companies.forManager(actor);
    const qb = this.baseQuery().andWhere('r.companyId = :ownCompany', { ownCompany: company.id });
    return this.page(qb, { ...q, companyId: undefined } as RosterQueryDto);
  }

  private baseQuery(): SelectQueryBuilder<RosterGuard> {
    return this.dataSource
      .getRepository(RosterGuard)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.company', 'c')
      .leftJoin(ACTIVE_MEMBER_BY_ID_HASH.table, 'v', ACTIVE_MEMBER_BY_ID_HASH.on('v', 'r.idHash'))
      .addSelect('v.id', 'joinedVolunteerId');
  }

  private async page(qb: SelectQueryBuilder<RosterGuard>, q: RosterQueryDto): Promise<Page<RosterGuardResponse>> {
    if (q.companyId) qb.andWhere('r.companyId = :companyId', { companyId: q.companyId });
    if (q.certified !== undefined) qb.andWhere('r.certified = :certified', { certified: q.certified });
    if (q.joined !== undefined) qb.andWhere(q.joined ? 'v.id IS NOT NULL' : 'v.id IS NULL');
    if (q.q) qb.andWhere("r.name LIKE :kw ESCAPE '!'", { kw: likeContains(q.q) });
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .orderBy('r.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    const joined = new Map<number, boolean>(
      raw.map((r: Record<string, unknown>) => [
        Number(r.r_id),
        r.joinedVolunteerId !== null && r.joinedVolunteerId !== undefined,
      ]),
    );
    const items = entities.map((g) => ({
      id: g.id,
      name: g.name,
      idNumberMasked: maskIdNumber(this.pii.decrypt(g.idEnc))!,
      certificateNo: g.certificateNo,
      certified: g.certified,
      company: { id: g.company!.id, name: g.company!.name },
      joined: joined.get(g.id) ?? false,
      updatedAt: g.updatedAt.toISOString(),
    }));
    return toPage(items, total, q);
  }
}
