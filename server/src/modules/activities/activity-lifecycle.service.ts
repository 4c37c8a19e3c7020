import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { ActivityResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CompaniesService } from '../companies/companies.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { advanceByClock, findActivityInScope } from './activity-access.js';
import { activityTeamId, activityTimes, changedTeamId, draftActivity, fieldPatch } from './activity-draft.js';
import { ActivityReach } from './activity-reach.js';
import { TeamQueries } from '../teams/team-queries.js';
import { ActivityViews } from './activity-views.service.js';
import type { ActivityInputDto, UpdateActivityDto } from './dto/activity.dto.js';
import { WartimeQueries } from '../wartime/wartime-queries.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { Clock } from '../../common/clock/clock.js';

const LIVE_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;

/** Staff side of an activity's life: create, edit, publish, cancel, settle; proposals and their review. */
@Injectable()
export class ActivityLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(activitiesConfig.KEY) private readonly config: ActivitiesConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly views: ActivityViews,
    private readonly signups: SignupService,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
    private readonly reach: ActivityReach,
    private readonly volunteers: VolunteerQueries,
    private readonly teams: TeamQueries,
    private readonly wartime: WartimeQueries,
  ) {}

  async create(actor: Actor, dto: ActivityInputDto): Promise<ActivityResponse> {
    const unit = await this.reach.publishingUnit(actor, dto.orgUnitId ?? actor.orgUnitId);
    const teamId = await activityTeamId(this.teams, dto.teamId, unit);
    // without a named mode: war-time inside an active war-time area (docs/callups.md#war-time), else daily
    dto.mode ??= (await this.wartime.activeFor(unit.path, this.clock.now())) ? 'wartime' : 'daily';
    const id = await this.ds.transaction(async (m) => {
      const a = await m.getRepository(Activity).save(this.build(dto, unit, actor.userId, teamId));
      await this.audit.record(m, actor, {
        action: 'activity.create',
        targetType: 'activity',
        targetId: String(a.id),
        orgUnitId: unit.id,
        after: { title: a.title, type: a.type, teamId },
      });
      return a.id;
    });
    return this.views.adminDetail(actor, id);
  }

  /**
   * A company manager or a volunteer proposes; it waits as a draft for the station (docs/product.md#activities
   * proposals). Only to one's own station — the volunteer's managing station, the company's home
   * station — and with at most `proposalOpenLimit` proposals waiting per person: each waiting
   * proposal holds one of the proposer's numbered slots, and the unique key (proposer, slot)
   * refuses a slot taken at the same instant by a parallel request (the loser tries the next one).
   */
  async propose(actor: Actor, dto: ActivityInputDto): Promise<ActivityResponse> {
    const volunteer = await this.volunteers.findByUserId(actor.userId);
    const isCompany = actor.staffRoles.includes('company_manager');
    if (!isCompany && volunteer?.status !== 'active') throw AppException.forbidden();
    const own: number[] = [];
    if (isCompany) {
      const stationId = (await this.companies.managedCompanyStationId(actor.userId)) ?? actor.orgUnitId;
      if (stationId) own.push(stationId);
    }
    if (volunteer?.status === 'active' && volunteer.stationId && !own.includes(volunteer.stationId))
      own.push(volunteer.stationId);
    const stationId = dto.orgUnitId ?? own[0];
    if (!stationId) throw new AppException('ACTIVITY_ORG_NOT_ALLOWED');
    // Another station is refused before it is looked up, so the answer reveals nothing about it.
    if (!own.includes(stationId)) throw new AppException('PROPOSAL_STATION_NOT_ALLOWED');
    const unit = await this.reach.findUnit(stationId);
    if (unit.level !== 'station') throw new AppException('ACTIVITY_ORG_NOT_ALLOWED');
    const repo = this.ds.getRepository(Activity);
    // proposals filed before slots existed still wait without one: they count against the cap
    const unslotted = await repo.count({
      where: { proposedByUserId: actor.userId, proposalStatus: 'pending', status: 'draft', proposalSlot: IsNull() },
    });
    const limit = this.config.proposalOpenLimit;
    for (let attempt = 0; attempt <= limit; attempt++) {
      const taken = new Set(
        (
          await repo.find({
            where: { proposedByUserId: actor.userId, proposalSlot: Not(IsNull()) },
            select: { id: true, proposalSlot: true },
          })
        ).map((r) => r.proposalSlot),
      );
      const slot = Array.from({ length: limit - unslotted }, (_, i) => i + 1).find((n) => !taken.has(n));
      if (slot === undefined) break;
      const a = this.build(dto, unit, null, null);
      Object.assign(a, {
        proposalStatus: 'pending',
        proposedByUserId: actor.userId,
        proposedByName: actor.displayName,
        proposalSlot: slot,
      });
      try {
        return this.views.toResponse(await repo.save(a));
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new AppException('PROPOSAL_LIMIT_REACHED', { limit });
  }

  async update(actor: Actor, id: number, dto: UpdateActivityDto): Promise<ActivityResponse> {
    const before = await findActivityInScope(this.ds.manager, actor, id);
    if (!['draft', 'published'].includes(before.status)) throw new AppException('ACTIVITY_INVALID_STATE');
    if (dto.capacity !== undefined && dto.capacity < before.confirmedCount)
      throw new AppException('ACTIVITY_CAPACITY_BELOW_CONFIRMED', {
        confirmedCount: before.confirmedCount,
      });
    const patch = fieldPatch(dto, before);
    const teamId = await changedTeamId(this.ds.manager, this.teams, before, dto.teamId);
    if (teamId !== undefined) patch.teamId = teamId;
    if (dto.signupMode && before.status !== 'draft' && dto.signupMode !== before.signupMode)
      throw new AppException('ACTIVITY_INVALID_STATE', { field: 'signupMode' });
    const times = activityTimes({
      startAt: dto.startAt ?? before.startAt.toISOString(),
      endAt: dto.endAt ?? before.endAt.toISOString(),
      signupDeadline: dto.signupDeadline ?? (dto.startAt ? undefined : before.signupDeadline.toISOString()),
      cancelDeadline: dto.cancelDeadline ?? (dto.startAt ? undefined : before.cancelDeadline.toISOString()),
    });
    Object.assign(patch, times);
    const moved =
      times.startAt.getTime() !== before.startAt.getTime() ||
      times.endAt.getTime() !== before.endAt.getTime() ||
      (dto.location &&
        (dto.location.address !== before.address ||
          dto.location.lat !== before.lat ||
          dto.location.lng !== before.lng));
    const ids = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(Activity);
      // Capacity through a conditional update, so it can never drop below places already given.
      if (dto.capacity !== undefined) {
        const res = await repo
          .createQueryBuilder()
          .update()
          .set({ capacity: dto.capacity })
          .where('id = :id AND confirmedCount <= :cap', { id, cap: dto.capacity })
          .execute();
        if (!res.affected) throw new AppException('ACTIVITY_CAPACITY_BELOW_CONFIRMED');
      }
      await repo.update({ id }, { ...patch, updatedAt: this.clock.now() });
      await this.audit.record(m, actor, {
        action: 'activity.update',
        targetType: 'activity',
        targetId: String(id),
        orgUnitId: before.orgUnitId,
        before: { capacity: before.capacity, startAt: before.startAt.toISOString(), endAt: before.endAt.toISOString() },
        after: { ...dto } as Record<string, unknown>,
      });
      const out: number[] = [];
      if (before.status === 'published' && dto.capacity !== undefined && dto.capacity > before.capacity)
        out.push(...(await this.signups.promoteWaitlist(m, id, before.title)));
      if (before.status === 'published' && moved)
        out.push(...(await this.notifyLive(m, before, `活动“${before.title}”的时间或地点有变动，请查看最新安排`)));
      return out;
    });
    await this.notifications.push(ids);
    return this.views.adminDetail(actor, id);
  }

  async publish(actor: Actor, id: number): Promise<ActivityResponse> {
    const a = await findActivityInScope(this.ds.manager, actor, id);
    if (a.proposalStatus === 'pending' || a.proposalStatus === 'rejected')
      throw new AppException('ACTIVITY_INVALID_STATE', { proposal: a.proposalStatus });
    await this.toPublished(actor, a, 'activity.publish');
    return this.views.adminDetail(actor, id);
  }

  async approveProposal(actor: Actor, id: number): Promise<ActivityResponse> {
    const a = await findActivityInScope(this.ds.manager, actor, id);
    if (a.proposalStatus !== 'pending') throw new AppException('PROPOSAL_NOT_PENDING');
    await this.toPublished(actor, a, 'activity.proposal.approve');
    if (a.proposedByUserId)
      await this.notifications.notify({
        userId: a.proposedByUserId,
        template: 'activity_changed',
        title: '活动提议已通过',
        body: `您提议的活动“${a.title}”已由派出所审核通过并发布`,
        page: `pages/activity/detail?id=${a.id}`,
      });
    return this.views.adminDetail(actor, id);
  }

  async rejectProposal(actor: Actor, id: number, reason: string): Promise<ActivityResponse> {
    const a = await findActivityInScope(this.ds.manager, actor, id);
    await this.ds.transaction(async (m) => {
      const res = await m
        .getRepository(Activity)
        .update(
          { id, proposalStatus: 'pending', status: 'draft' },
          { proposalStatus: 'rejected', proposalSlot: null, proposalRejectReason: reason, updatedAt: this.clock.now() },
        );
      if (!res.affected) throw new AppException('PROPOSAL_NOT_PENDING');
      await this.audit.record(m, actor, {
        action: 'activity.proposal.reject',
        targetType: 'activity',
        targetId: String(id),
        orgUnitId: a.orgUnitId,
        after: { reason },
      });
    });
    if (a.proposedByUserId)
      await this.notifications.notify({
        userId: a.proposedByUserId,
        template: 'activity_changed',
        title: '活动提议未通过',
        body: `您提议的活动“${a.title}”未通过：${reason}`,
      });
    return this.views.adminDetail(actor, id);
  }

  /** Cancels and tells everyone signed up (pending, confirmed or waiting). */
  async cancel(actor: Actor, id: number, reason: string): Promise<ActivityResponse> {
    const a = await findActivityInScope(this.ds.manager, actor, id);
    const ids = await this.ds.transaction(async (m) => {
      const res = await m.getRepository(Activity).update(
        { id, status: In(['draft', 'published', 'ongoing']) },
        {
          status: 'cancelled',
          cancelReason: reason,
          ...(a.proposalStatus === 'pending' ? { proposalSlot: null } : {}),
          updatedAt: this.clock.now(),
        },
      );
      if (!res.affected) throw new AppException('ACTIVITY_INVALID_STATE', { status: a.status });
      await this.audit.record(m, actor, {
        action: 'activity.cancel',
        targetType: 'activity',
        targetId: String(id),
        orgUnitId: a.orgUnitId,
        before: { status: a.status },
        after: { status: 'cancelled', reason },
      });
      return this.notifyLive(m, a, `活动“${a.title}”已取消：${reason}`);
    });
    await this.notifications.push(ids);
    return this.views.adminDetail(actor, id);
  }

  /** Closes the books: only when every check-in has been decided; confirmed sign-ups without one become no-shows. */
  async settle(actor: Actor, id: number): Promise<ActivityResponse> {
    const a = await advanceByClock(
      this.ds.manager,
      await findActivityInScope(this.ds.manager, actor, id),
      this.clock.now(),
    );
    if (a.status !== 'finished') throw new AppException('ACTIVITY_INVALID_STATE', { status: a.status });
    await this.ds.transaction(async (m) => {
      const signups = m.getRepository(ActivitySignup);
      const open = await signups
        .createQueryBuilder('s')
        .where(
          "s.activityId = :id AND s.status = 'confirmed' AND s.attendance = 'unconfirmed' AND s.checkinAt IS NOT NULL",
          { id },
        )
        .getCount();
      if (open) throw new AppException('ATTENDANCE_UNCONFIRMED', { count: open });
      const now = this.clock.now();
      const noShows = await signups
        .createQueryBuilder()
        .update()
        .set({ attendance: 'absent', confirmedAt: now, confirmedByUserId: actor.userId, updatedAt: now })
        .where("activityId = :id AND status = 'confirmed' AND attendance = 'unconfirmed' AND checkinAt IS NULL", { id })
        .execute();
      const res = await m
        .getRepository(Activity)
        .update({ id, status: 'finished' }, { status: 'settled', settledAt: now, updatedAt: now });
      if (!res.affected) throw new AppException('ACTIVITY_INVALID_STATE');
      await this.audit.record(m, actor, {
        action: 'activity.settle',
        targetType: 'activity',
        targetId: String(id),
        orgUnitId: a.orgUnitId,
        after: { noShows: noShows.affected ?? 0 },
      });
    });
    return this.views.adminDetail(actor, id);
  }

  private async toPublished(
    actor: Actor,
    a: Activity,
    action: 'activity.publish' | 'activity.proposal.approve',
  ): Promise<void> {
    if (a.endAt <= this.clock.now()) throw new AppException('ACTIVITY_INVALID_TIME');
    const proposal = a.proposalStatus === 'pending';
    const factor = Math.round(
      ((a.mode === 'wartime' ? this.config.wartimePointsPct : 100) * (proposal ? this.config.proposalPointsPct : 100)) /
        100,
    );
    await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const res = await m.getRepository(Activity).update(
        { id: a.id, status: 'draft' },
        {
          status: 'published',
          pointsFactorPct: factor,
          publishedAt: now,
          updatedAt: now,
          ...(proposal ? { proposalStatus: 'approved' as const, proposalSlot: null } : {}),
        },
      );
      if (!res.affected) throw new AppException(proposal ? 'PROPOSAL_NOT_PENDING' : 'ACTIVITY_INVALID_STATE');
      await this.audit.record(m, actor, {
        action,
        targetType: 'activity',
        targetId: String(a.id),
        orgUnitId: a.orgUnitId,
        after: { status: 'published', pointsFactorPct: factor },
      });
    });
  }

  private async notifyLive(m: EntityManager, a: Activity, body: string): Promise<number[]> {
    const live = await m
      .getRepository(ActivitySignup)
      .find({ where: { activityId: a.id, status: In([...LIVE_STATUSES]) }, select: { id: true, userId: true } });
    const ids: number[] = [];
    for (const s of live) {
      ids.push(
        await this.notifications.create(m, {
          userId: s.userId,
          template: 'activity_changed',
          title: '活动变动通知',
          body,
          page: `pages/activity/detail?id=${a.id}`,
          data: { thing1: a.title.slice(0, 20), thing2: body.slice(0, 20) },
        }),
      );
    }
    return ids;
  }

  private build(dto: ActivityInputDto, unit: OrgUnitRecord, createdBy: number | null, teamId: number | null): Activity {
    return draftActivity(this.ds.getRepository(Activity), {
      dto,
      unit,
      createdBy,
      now: this.clock.now(),
      defaultRadiusM: this.config.defaultRadiusM,
      teamId,
    });
  }
}
