import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, IsNull } from 'typeorm';
import {
  WARTIME_MAX_DAYS,
  type WartimeBanner,
  type WartimeCurrentResponse,
  type WartimeStatePage,
  type WartimeStateResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope, isPathInScope, scopePrefix } from '../../common/scope/org-scope.js';
import { withRetryOnLockConflict } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { DeclareWartimeDto, EndWartimeDto, WartimeListQueryDto } from './wartime.dto.js';
import { ancestorPaths, WartimeQueries } from './wartime-queries.js';
import { WartimeState } from './wartime-state.entity.js';

const DAY_MS = 86_400_000;
const AREA_LEVELS = ['branch', 'station', 'community'];

/**
 * War-time states (docs/callups.md#war-time): a branch declares one over its own area, the city over any; either
 * may end it early with a reason. Everything is audited in the same transaction. Staff list the states over units in
 * their scope and over their own unit; guards see the states over their station or residence community.
 */
@Injectable()
export class WartimeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly volunteers: VolunteerQueries,
    private readonly queries: WartimeQueries,
  ) {}

  async declare(actor: Actor, dto: DeclareWartimeDto): Promise<WartimeStateResponse> {
    const lead = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    if (!lead || !['city', 'branch'].includes(lead.level)) throw AppException.forbidden();
    const area = await this.org.findById(dto.areaId);
    if (!area || !isPathInScope(actor, area.path)) throw AppException.notFound();
    if (!AREA_LEVELS.includes(area.level)) throw new AppException('WARTIME_AREA_INVALID');
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const now = this.clock.now();
    if (!(startsAt < endsAt) || endsAt.getTime() - startsAt.getTime() > WARTIME_MAX_DAYS * DAY_MS || endsAt <= now)
      throw new AppException('WARTIME_PERIOD_INVALID');
    // Two declarations at once over one area: on MariaDB the check locks the area's index range (FOR UPDATE), so the
    // second insert meets the first's lock, one transaction is chosen as the deadlock victim and runs again, and then
    // sees the state the other saved. The embedded database runs one write transaction at a time.
    const mysql = this.ds.options.type === 'mysql' || this.ds.options.type === 'mariadb';
    const declareOnce = () =>
      this.ds.transaction(async (m) => {
        const check = m
          .getRepository(WartimeState)
          .createQueryBuilder('w')
          .where('w.areaPath = :path', { path: area.path })
          .andWhere('w.endedAt IS NULL AND w.startsAt < :endsAt AND w.endsAt > :startsAt', { startsAt, endsAt });
        if (mysql) check.setLock('pessimistic_write');
        if ((await check.getCount()) > 0) throw new AppException('WARTIME_OVERLAP');
        const saved = await m.getRepository(WartimeState).save(
          m.getRepository(WartimeState).create({
            areaId: area.id,
            areaName: area.name,
            areaLevel: area.level,
            areaPath: area.path,
            leadUnitId: lead.id,
            leadUnitName: lead.name,
            leadUnitPath: lead.path,
            reason: dto.reason,
            startsAt,
            endsAt,
            endedAt: null,
            endReason: null,
            endedByUserId: null,
            endedByName: null,
            declaredByUserId: actor.userId,
            declaredByName: actor.displayName,
            createdAt: now,
          }),
        );
        await this.audit.record(m, actor, {
          action: 'wartime.declare',
          targetType: 'wartime_state',
          targetId: String(saved.id),
          orgUnitId: area.id,
          after: { areaName: area.name, startsAt: dto.startsAt, endsAt: dto.endsAt, reason: dto.reason },
        });
        return saved.id;
      });
    const id = await withRetryOnLockConflict(declareOnce, { attempts: 6 });
    return this.get(actor, id);
  }

  /** Ends a state early: the declaring unit or a unit above it; anyone else reads it as 404. */
  async end(actor: Actor, id: number, dto: EndWartimeDto): Promise<WartimeStateResponse> {
    const state = await this.ds.getRepository(WartimeState).findOneBy({ id });
    if (!state) throw AppException.notFound();
    assertPathInScope(actor, state.leadUnitPath);
    const now = this.clock.now();
    if (state.endedAt || state.endsAt <= now) throw new AppException('WARTIME_ALREADY_ENDED');
    await this.ds.transaction(async (m) => {
      const done = await m
        .getRepository(WartimeState)
        .update(
          { id, endedAt: IsNull() },
          { endedAt: now, endReason: dto.reason, endedByUserId: actor.userId, endedByName: actor.displayName },
        );
      if (done.affected !== 1) throw new AppException('WARTIME_ALREADY_ENDED');
      await this.audit.record(m, actor, {
        action: 'wartime.end',
        targetType: 'wartime_state',
        targetId: String(id),
        orgUnitId: state.areaId,
        before: { endsAt: state.endsAt.toISOString() },
        after: { endedAt: now.toISOString(), reason: dto.reason },
      });
    });
    return this.get(actor, id);
  }

  /** The states over units in the actor's scope or over the actor's own unit: active first, then the newest. */
  async list(actor: Actor, q: WartimeListQueryDto): Promise<WartimeStatePage> {
    const now = this.clock.now();
    const qb = this.ds
      .getRepository(WartimeState)
      .createQueryBuilder('w')
      .where(
        new Brackets((b) =>
          b
            .where("w.areaPath LIKE :scope ESCAPE '!'", { scope: `${scopePrefix(actor)}%` })
            .orWhere('w.areaPath IN (:...above)', { above: ancestorPaths(scopePrefix(actor)) }),
        ),
      );
    const activeSql = 'w.endedAt IS NULL AND w.startsAt <= :now AND w.endsAt > :now';
    if (q.active === 'true') qb.andWhere(activeSql, { now });
    if (q.active === 'false') qb.andWhere(`NOT (${activeSql})`, { now });
    const [rows, total] = await qb
      .addSelect(`CASE WHEN ${activeSql} THEN 0 ELSE 1 END`, 'active_rank')
      .setParameter('now', now)
      .orderBy('active_rank', 'ASC')
      .addOrderBy('w.startsAt', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(
      rows.map((r) => this.toResponse(r, now)),
      total,
      q,
    );
  }

  async get(actor: Actor, id: number): Promise<WartimeStateResponse> {
    const state = await this.ds.getRepository(WartimeState).findOneBy({ id });
    const prefix = scopePrefix(actor);
    if (!state || !(state.areaPath.startsWith(prefix) || prefix.startsWith(state.areaPath)))
      throw AppException.notFound();
    return this.toResponse(state, this.clock.now());
  }

  /** The banner: states over the guard's station or residence community; for staff, over their unit. */
  async current(actor: Actor): Promise<WartimeCurrentResponse> {
    const paths: string[] = [];
    if (actor.isStaff && actor.orgPath) paths.push(actor.orgPath);
    const v = await this.volunteers.findByUserId(actor.userId);
    if (v && v.status === 'active') {
      const ids = [v.stationId, v.residenceCommunityId].filter((x): x is number => x !== null);
      paths.push(...(await this.org.findByIds(ids)).map((u) => u.path));
    }
    const states = await this.queries.activeForPaths(paths, this.clock.now());
    return { states: states.map((s) => banner(s)) };
  }

  private toResponse(s: WartimeState, now: Date): WartimeStateResponse {
    return {
      id: s.id,
      areaId: s.areaId,
      areaName: s.areaName,
      areaLevel: s.areaLevel,
      leadUnitId: s.leadUnitId,
      leadUnitName: s.leadUnitName,
      reason: s.reason,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      endReason: s.endReason,
      endedByName: s.endedByName,
      declaredByName: s.declaredByName,
      createdAt: s.createdAt.toISOString(),
      active: !s.endedAt && s.startsAt <= now && s.endsAt > now,
    };
  }
}

/** What a guard's banner and a call-up's detail show of a state. */
export function banner(s: {
  id: number;
  areaName: string;
  leadUnitName: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
}): WartimeBanner {
  return {
    id: s.id,
    areaName: s.areaName,
    leadUnitName: s.leadUnitName,
    reason: s.reason,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
  };
}
