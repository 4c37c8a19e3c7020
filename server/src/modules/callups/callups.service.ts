import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CALLUP_DEADLINE_MAX_DAYS,
  CALLUP_RALLY_RADIUS_DEFAULT_M,
  type CallupPreviewResponse,
  type CallupResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isDuplicateKey, typeormExec } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import type { MatchedVolunteer } from '../volunteers/volunteer-reach.js';
import { VolunteerReach } from '../volunteers/volunteer-reach.js';
import { WartimeQueries } from '../wartime/wartime-queries.js';
import { banner } from '../wartime/wartime.service.js';
import { CallupFanout } from './callup-fanout.service.js';
import { assertDispatchAllowed, callupMode } from './callup-mode.js';
import { CallupTargeting } from './callup-targeting.js';
import { CallupViews } from './callup-views.js';
import type { CallupPreviewDto, CreateCallupDto } from './callups-admin.dto.js';
import { Callup } from './entities/callup.entity.js';

const DAY_MS = 86_400_000;
const BATCH = 400;

/**
 * Sending and closing call-ups (docs/callups.md#call-ups-and-targeting). A call-up is created once per request id;
 * its recipients are fixed when it is sent (everyone matching the target, whatever the wanted count) and written in
 * the same transaction as the call-up, its fan-out rows (reaching them is the workers' job) and its audit entry.
 */
@Injectable()
export class CallupsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly targeting: CallupTargeting,
    private readonly wartime: WartimeQueries,
    private readonly views: CallupViews,
    private readonly fanout: CallupFanout,
    private readonly reach: VolunteerReach,
    private readonly users: UserQueries,
  ) {}

  async create(actor: Actor, dto: CreateCallupDto, planId: number | null = null): Promise<CallupResponse> {
    const again = await this.sameRequest(actor, dto.requestId);
    if (again) return again;
    const now = this.clock.now();
    const deadlineAt = new Date(dto.deadlineAt);
    if (!(deadlineAt > now) || deadlineAt.getTime() - now.getTime() > CALLUP_DEADLINE_MAX_DAYS * DAY_MS)
      throw new AppException('CALLUP_DEADLINE_INVALID');
    if ((dto.kind === 'verification') !== (dto.items?.length ?? 0) > 0) throw new AppException('CALLUP_ITEMS_INVALID');
    const sender = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    if (!sender) throw AppException.forbidden();
    const target = await this.targeting.resolve(actor, dto.target);
    const state = await this.wartime.activeFor(target.unit.path, now);
    assertDispatchAllowed(actor, state);
    const mode = callupMode(sender.level, dto.mode, state !== null);
    if (target.volunteers.length === 0) throw new AppException('CALLUP_NO_RECIPIENTS');
    const row = this.ds.getRepository(Callup).create({
      orgUnitId: sender.id,
      orgPath: sender.path,
      unitName: sender.name,
      kind: dto.kind,
      mode,
      title: dto.title,
      task: dto.task,
      rallyAddress: dto.rally.address,
      rallyLat: dto.rally.lat,
      rallyLng: dto.rally.lng,
      rallyRadiusM: dto.rallyRadiusM ?? CALLUP_RALLY_RADIUS_DEFAULT_M,
      deadlineAt,
      target: dto.target,
      targetName: target.targetName,
      wanted: dto.wanted ?? null,
      items: (dto.items ?? []).map((label, i) => ({ id: i + 1, label })),
      planId,
      wartimeStateId: state && mode === 'wartime' ? state.id : null,
      status: 'open',
      requestId: dto.requestId,
      createdByUserId: actor.userId,
      createdByName: actor.displayName,
      createdAt: now,
      closedAt: null,
      closedByUserId: null,
      closedByName: null,
    });
    let id: number;
    try {
      id = await this.ds.transaction(async (m) => {
        const saved = await m.getRepository(Callup).save(row);
        await this.addRecipients(m, saved.id, target.volunteers, 'direct', null, now);
        await this.audit.record(m, actor, {
          action: 'callup.create',
          targetType: 'callup',
          targetId: String(saved.id),
          orgUnitId: sender.id,
          after: { title: saved.title, mode, kind: saved.kind, recipients: target.volunteers.length, planId },
        });
        return saved.id;
      });
    } catch (e) {
      // the same request sent twice at once: the unique request id let one through; answer with it
      const raced = isDuplicateKey(e) ? await this.sameRequest(actor, dto.requestId) : null;
      if (raced) return raced;
      throw e;
    }
    return this.views.detail(actor, id);
  }

  /**
   * Writes the recipients (batches of ≤400 rows) and their fan-out rows in the caller's transaction: used when a
   * call-up is sent and when a branch accepts a draw. Returns how many were added.
   */
  async addRecipients(
    m: EntityManager,
    callupId: number,
    volunteers: readonly Pick<MatchedVolunteer, 'id' | 'userId' | 'stationId'>[],
    source: 'direct' | 'draw',
    drawId: number | null,
    now: Date,
  ): Promise<number> {
    // plain multi-row statements: ten thousand recipients must be written well within the officer's request
    const exec = typeormExec(m);
    for (let i = 0; i < volunteers.length; i += BATCH) {
      const batch = volunteers.slice(i, i + BATCH);
      const params: unknown[] = [];
      for (const v of batch) params.push(callupId, v.id, v.userId, v.stationId, source, drawId, 'asked', now, 0);
      await exec(
        `INSERT INTO callup_recipients (callupId, volunteerId, userId, stationId, source, drawId, status, askedAt, pointsAwarded) VALUES ${batch
          .map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        params,
      );
    }
    const { rows: raw } = await exec(
      drawId === null
        ? 'SELECT id, userId, volunteerId FROM callup_recipients WHERE callupId = ? AND source = ? ORDER BY id'
        : 'SELECT id, userId, volunteerId FROM callup_recipients WHERE callupId = ? AND drawId = ? ORDER BY id',
      [callupId, drawId === null ? source : drawId],
    );
    const rows = raw.map((r) => ({ id: Number(r.id), userId: Number(r.userId), volunteerId: Number(r.volunteerId) }));
    await this.fanout.enqueue(
      m,
      callupId,
      rows.map((r) => ({ recipientId: r.id, userId: r.userId, volunteerId: r.volunteerId })),
    );
    return rows.length;
  }

  async close(actor: Actor, id: number): Promise<CallupResponse> {
    const c = await this.views.scoped(actor, id);
    if (c.status === 'closed') throw new AppException('CALLUP_CLOSED');
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      const done = await m
        .getRepository(Callup)
        .update(
          { id, status: 'open' },
          { status: 'closed', closedAt: now, closedByUserId: actor.userId, closedByName: actor.displayName },
        );
      if (done.affected !== 1) throw new AppException('CALLUP_CLOSED');
      await this.audit.record(m, actor, {
        action: 'callup.close',
        targetType: 'callup',
        targetId: String(id),
        orgUnitId: c.orgUnitId,
        before: { status: 'open' },
        after: { status: 'closed' },
      });
    });
    return this.views.detail(actor, id);
  }

  /** Who a target would reach, who of them no WeChat push reaches, and the mode and war-time state it would take. */
  async preview(actor: Actor, dto: CallupPreviewDto): Promise<CallupPreviewResponse> {
    const sender = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    if (!sender) throw AppException.forbidden();
    const target = await this.targeting.resolve(actor, dto.target);
    const state = await this.wartime.activeFor(target.unit.path, this.clock.now());
    let unified = false;
    try {
      assertDispatchAllowed(actor, state);
    } catch {
      unified = true;
    }
    const ids = target.volunteers.map((v) => v.id);
    return {
      matched: ids.length,
      withoutPush: await this.withoutOpenid(target.volunteers.map((v) => v.userId)),
      withPhone: await this.reach.countWithPhone(ids),
      mode: unified ? 'wartime' : callupMode(sender.level, dto.mode, state !== null),
      wartime: state ? banner(state) : null,
      unified,
    };
  }

  /** The call-up a request id already made: the same sender gets it back, anyone else is refused. */
  private async sameRequest(actor: Actor, requestId: string): Promise<CallupResponse | null> {
    const c = await this.ds.getRepository(Callup).findOneBy({ requestId });
    if (!c) return null;
    if (c.createdByUserId !== actor.userId) throw new AppException('CALLUP_REQUEST_REUSED');
    return this.views.detail(actor, c.id);
  }

  /** How many of these people have no WeChat identity: the call-up's push (a long-term template) cannot reach them. */
  private async withoutOpenid(userIds: number[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < userIds.length; i += BATCH) {
      const users = await this.users.findByIds(userIds.slice(i, i + BATCH), { id: true, openid: true });
      n += users.filter((u) => !u.openid).length;
    }
    return n;
  }
}
