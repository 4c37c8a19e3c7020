import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  addCalendarDays,
  type AdminLedgerEntryResponse,
  type LedgerEntryResponse,
  type MyPointsResponse,
  type Page,
  type PointsIssuedResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { MemberDirectory } from '../volunteers/member-directory.service.js';
import type { AdminLedgerQueryDto, PointsIssuedQueryDto } from './points.dto.js';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { toLedgerEntryResponse } from './points.mapper.js';
import { PointsLedgerService } from './points-ledger.service.js';
import { Clock } from '../../common/clock/clock.js';

/** Balance and statement for volunteers; points issued, ledger and reversals for staff (scoped). */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: PointsLedgerService,
    private readonly audit: AuditService,
    private readonly members: MemberDirectory,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
  ) {}

  async mine(actor: Actor): Promise<MyPointsResponse> {
    const account = await this.ds.getRepository(PointsAccount).findOneBy({ userId: actor.userId });
    const recent = await this.ds
      .getRepository(PointsLedgerEntry)
      .find({ where: { userId: actor.userId }, order: { id: 'DESC' }, take: 10 });
    return {
      balance: account?.balance ?? 0,
      earned: account?.earned ?? 0,
      spent: account?.spent ?? 0,
      debt: account?.debt ?? 0,
      recent: await this.responses(recent),
    };
  }

  async myLedger(actor: Actor, q: PageQueryDto): Promise<Page<LedgerEntryResponse>> {
    const [rows, total] = await this.ds.getRepository(PointsLedgerEntry).findAndCount({
      where: { userId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.responses(rows), total, q);
  }

  async adminLedger(actor: Actor, q: AdminLedgerQueryDto): Promise<Page<AdminLedgerEntryResponse>> {
    const qb = wherePathInScope(
      this.ds.getRepository(PointsLedgerEntry).createQueryBuilder('e'),
      actor,
      'e.awardingOrgPath',
    );
    if (q.orgUnitId) {
      const unit = await this.org.findById(q.orgUnitId);
      assertPathInScope(actor, unit?.path);
      qb.andWhere('e.awardingOrgPath LIKE :p', { p: `${unit!.path}%` });
    }
    if (q.volunteerId) qb.andWhere('e.volunteerId = :v', { v: q.volunteerId });
    if (q.type) qb.andWhere('e.type = :t', { t: q.type });
    const [rows, total] = await qb
      .orderBy('e.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    const base = await this.responses(rows);
    const vols = await this.volunteers.findByUserIds([...new Set(rows.map((r) => r.userId))]);
    const name = await this.members.namesByUserId(rows.map((r) => r.userId));
    const member = new Map(vols.map((v) => [v.userId, v]));
    return toPage(
      base.map((b, i) => ({
        ...b,
        volunteer: {
          id: rows[i].volunteerId,
          userId: rows[i].userId,
          name: name.get(rows[i].userId) ?? '',
          memberNo: member.get(rows[i].userId)?.memberNo ?? null,
        },
      })),
      total,
      q,
    );
  }

  /** Points issued per awarding org inside the viewer's scope, credits and reversals apart. */
  async issued(actor: Actor, q: PointsIssuedQueryDto): Promise<PointsIssuedResponse> {
    const qb = wherePathInScope(
      this.ds.getRepository(PointsLedgerEntry).createQueryBuilder('e'),
      actor,
      'e.awardingOrgPath',
    )
      .select('e.awardingOrgId', 'orgUnitId')
      .addSelect("SUM(CASE WHEN e.type <> 'reversal' AND e.amount > 0 THEN e.amount ELSE 0 END)", 'credited')
      .addSelect("SUM(CASE WHEN e.type = 'reversal' THEN -e.amount ELSE 0 END)", 'reversed')
      .addSelect('COUNT(*)', 'entries')
      .andWhere('e.awardingOrgId IS NOT NULL')
      .groupBy('e.awardingOrgId');
    if (q.from) qb.andWhere('e.createdAt >= :from', { from: this.clock.startOfDay(q.from) });
    if (q.to) qb.andWhere('e.createdAt < :to', { to: this.clock.startOfDay(addCalendarDays(q.to, 1)) });
    const rows: {
      orgUnitId: number;
      credited: string | number;
      reversed: string | number;
      entries: string | number;
    }[] = await qb.getRawMany();
    const units = await this.org.findByIds(rows.map((r) => Number(r.orgUnitId)));
    const name = new Map(units.map((u) => [u.id, u.name]));
    const byOrg = rows
      .map((r) => {
        const credited = Number(r.credited ?? 0);
        const reversed = Number(r.reversed ?? 0);
        return {
          orgUnitId: Number(r.orgUnitId),
          name: name.get(Number(r.orgUnitId)) ?? '',
          credited,
          reversed,
          net: credited - reversed,
          entries: Number(r.entries),
        };
      })
      .sort((a, b) => b.net - a.net || a.orgUnitId - b.orgUnitId);
    const total = byOrg.reduce(
      (t, r) => ({ credited: t.credited + r.credited, reversed: t.reversed + r.reversed, net: t.net + r.net }),
      { credited: 0, reversed: 0, net: 0 },
    );
    return { from: q.from ?? null, to: q.to ?? null, total, byOrg };
  }

  /** A wrong credit is cancelled by a reversal entry, never edited; staff give a reason; audited. */
  async reverse(actor: Actor, entryId: number, reason: string): Promise<LedgerEntryResponse> {
    const qb = wherePathInScope(
      this.ds.getRepository(PointsLedgerEntry).createQueryBuilder('e').where('e.id = :id', { id: entryId }),
      actor,
      'e.awardingOrgPath',
    );
    const original = await qb.getOne();
    if (!original) throw AppException.notFound();
    if (original.type === 'reversal' || original.amount <= 0) throw new AppException('POINTS_NOT_REVERSIBLE');
    const entry = await this.ds.transaction(async (m) => {
      const res = await this.ledger.post(m, {
        userId: original.userId,
        volunteerId: original.volunteerId,
        type: 'reversal',
        amount: -original.amount,
        sourceType: original.sourceType,
        sourceId: original.sourceId,
        description: `冲正：${original.description}`,
        idempotencyKey: `reversal:${original.id}`,
        awardingOrgId: original.awardingOrgId,
        awardingOrgPath: original.awardingOrgPath,
        reversalOfId: original.id,
        reason,
        createdByUserId: actor.userId,
      });
      if (!res.posted) throw new AppException('POINTS_ALREADY_REVERSED');
      await this.audit.record(m, actor, {
        action: 'points.reverse',
        targetType: 'points_ledger_entry',
        targetId: String(original.id),
        orgUnitId: original.awardingOrgId,
        before: { amount: original.amount },
        after: { reversalId: res.entry.id, reason },
      });
      return res.entry;
    });
    return (await this.responses([entry]))[0];
  }

  private async responses(rows: PointsLedgerEntry[]): Promise<LedgerEntryResponse[]> {
    if (!rows.length) return [];
    const orgIds = [...new Set(rows.map((r) => r.awardingOrgId).filter((x): x is number => x !== null))];
    const units = await this.org.findByIds(orgIds);
    const reversals = await this.ds
      .getRepository(PointsLedgerEntry)
      .find({ where: { reversalOfId: In(rows.map((r) => r.id)) }, select: { id: true, reversalOfId: true } });
    const orgName = new Map(units.map((u) => [u.id, u.name]));
    const reversedBy = new Map(reversals.map((r) => [r.reversalOfId!, r.id]));
    return rows.map((r) => toLedgerEntryResponse(r, orgName, reversedBy));
  }
}
