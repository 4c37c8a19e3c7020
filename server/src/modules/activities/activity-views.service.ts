import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  addCalendarDays,
  distanceMeters,
  type ActivityResponse,
  type MyActivityResponse,
  type MyActivityStatsResponse,
  type Page,
  type SignupAdminResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { MemberDirectory } from '../volunteers/member-directory.service.js';
import { advanceByClock, findActivityInScope } from './activity-access.js';
import {
  toActivityResponse,
  toMyActivityResponse,
  toMySignupResponse,
  toSignupAdminResponse,
} from './activities.mapper.js';
import type { ActivityListQueryDto, AdminActivityListQueryDto, MyActivityListQueryDto } from './dto/activity.dto.js';
import type { SignupListQueryDto } from './dto/signup.dto.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { TeamQueries } from '../teams/team-queries.js';
import { Clock } from '../../common/clock/clock.js';
import { ActivityReach } from './activity-reach.js';

/** Read side: lists and details for volunteers and staff, a volunteer's own sign-ups. */
@Injectable()
export class ActivityViews {
  /** Which branch- or city-owned activities the caller may see (built here from the same collaborators). */
  private readonly reach: ActivityReach;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly members: MemberDirectory,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly teams: TeamQueries,
  ) {
    this.reach = new ActivityReach(org, volunteers, clock);
  }

  /** Activities a volunteer may join: open or running, filterable by station, type, date and distance. */
  async list(actor: Actor, q: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const qb = this.ds.getRepository(Activity).createQueryBuilder('a').where("a.status IN ('published', 'ongoing')");
    this.commonFilters(qb, q);
    await this.reach.whereReachable(qb, actor);
    // a team's activities only for its members and leader
    const me = await this.volunteers.findByUserId(actor.userId);
    const teamIds = me ? await this.teams.teamIdsOf(me.id) : [];
    qb.andWhere(teamIds.length ? '(a.teamId IS NULL OR a.teamId IN (:...teamIds))' : 'a.teamId IS NULL', { teamIds });
    if (q.lat !== undefined && q.lng !== undefined && q.withinKm) {
      // A bounding box in SQL (index-friendly); the exact distance is returned per item.
      const dLat = q.withinKm / 111.2;
      const dLng = q.withinKm / (111.2 * Math.max(0.01, Math.cos((q.lat * Math.PI) / 180)));
      qb.andWhere('a.lat BETWEEN :lat0 AND :lat1 AND a.lng BETWEEN :lng0 AND :lng1', {
        lat0: q.lat - dLat,
        lat1: q.lat + dLat,
        lng0: q.lng - dLng,
        lng1: q.lng + dLng,
      });
    }
    const [rows, total] = await qb
      .orderBy('a.startAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    const here = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    return toPage(await this.responses(rows, actor.userId, here), total, q);
  }

  async detail(actor: Actor, id: number): Promise<ActivityResponse> {
    const a = await this.ds.getRepository(Activity).findOneBy({ id });
    if (!a || (a.status === 'draft' && a.proposedByUserId !== actor.userId)) throw AppException.notFound();
    if (!(await this.reach.reaches(actor, a))) throw AppException.notFound();
    await advanceByClock(this.ds.manager, a, this.clock.now());
    return (await this.responses([a], actor.userId, null))[0];
  }

  async adminList(actor: Actor, q: AdminActivityListQueryDto): Promise<Page<ActivityResponse>> {
    const qb = wherePathInScope(this.ds.getRepository(Activity).createQueryBuilder('a'), actor, 'a.orgPath');
    if (q.stationId) {
      const unit = await this.org.findById(q.stationId);
      assertPathInScope(actor, unit?.path);
    }
    this.commonFilters(qb, q);
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.proposal) qb.andWhere('a.proposalStatus = :proposal', { proposal: q.proposal });
    const [rows, total] = await qb
      .orderBy('a.startAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.responses(rows, null, null), total, q);
  }

  async adminDetail(actor: Actor, id: number): Promise<ActivityResponse> {
    const a = await advanceByClock(
      this.ds.manager,
      await findActivityInScope(this.ds.manager, actor, id),
      this.clock.now(),
    );
    return (await this.responses([a], null, null))[0];
  }

  async toResponse(a: Activity): Promise<ActivityResponse> {
    return (await this.responses([a], null, null))[0];
  }

  async signups(actor: Actor, id: number, q: SignupListQueryDto): Promise<Page<SignupAdminResponse>> {
    const activity = await findActivityInScope(this.ds.manager, actor, id);
    const where = { activityId: id, ...(q.status ? { status: q.status } : {}) };
    const [rows, total] = await this.ds
      .getRepository(ActivitySignup)
      .findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const vols = await this.volunteers.findByIds([...new Set(rows.map((r) => r.volunteerId))]);
    // the member's real name from the volunteer archive, not the WeChat placeholder
    const name = await this.members.namesByUserId(rows.map((r) => r.userId));
    const byId = new Map(vols.map((v) => [v.id, v]));
    const positions = await this.waitlistPositions(id, rows);
    return toPage(
      rows.map((s) => {
        const v = byId.get(s.volunteerId);
        return toSignupAdminResponse(
          s,
          { id: s.volunteerId, memberNo: v?.memberNo ?? '', name: name.get(s.userId) ?? '', tier: v?.tier ?? 'basic' },
          positions.get(s.id) ?? null,
          activity,
        );
      }),
      total,
      q,
    );
  }

  /** The person's sign-ups, newest first; with from/to only those of activities on those Shanghai days. */
  async mine(actor: Actor, q: MyActivityListQueryDto): Promise<Page<MyActivityResponse>> {
    const qb = this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .where('s.userId = :userId', { userId: actor.userId });
    if (q.from || q.to) {
      const onDays = this.ds.getRepository(Activity).createQueryBuilder('a').select('a.id');
      this.commonFilters(onDays, { from: q.from, to: q.to });
      qb.andWhere(`s.activityId IN (${onDays.getQuery()})`).setParameters(onDays.getParameters());
    }
    const [rows, total] = await qb
      .orderBy('s.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    const acts = rows.length
      ? await this.ds.getRepository(Activity).findBy({ id: In([...new Set(rows.map((r) => r.activityId))]) })
      : [];
    const byId = new Map(acts.map((a) => [a.id, a]));
    const items: MyActivityResponse[] = [];
    for (const s of rows)
      items.push(
        toMyActivityResponse(s, byId.get(s.activityId)!, s.status === 'waitlisted' ? await this.position(s) : null),
      );
    return toPage(items, total, q);
  }

  async myProposals(actor: Actor, q: PageQueryDto): Promise<Page<ActivityResponse>> {
    const [rows, total] = await this.ds.getRepository(Activity).findAndCount({
      where: { proposedByUserId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.responses(rows, null, null), total, q);
  }

  async stats(actor: Actor): Promise<MyActivityStatsResponse> {
    const rows: { status: string; attendance: string; n: number | string }[] = await this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .select('s.status', 'status')
      .addSelect('s.attendance', 'attendance')
      .addSelect('COUNT(*)', 'n')
      .where('s.userId = :u', { u: actor.userId })
      .groupBy('s.status')
      .addGroupBy('s.attendance')
      .getRawMany();
    const count = (f: (r: { status: string; attendance: string }) => boolean) =>
      rows.filter(f).reduce((n, r) => n + Number(r.n), 0);
    const v = await this.volunteers.findByUserId(actor.userId);
    return {
      signedUp: count((r) => r.status === 'confirmed'),
      attended: count((r) => r.attendance === 'confirmed'),
      noShows: count((r) => r.attendance === 'absent'),
      serviceMinutes: v?.serviceMinutes ?? 0,
    };
  }

  async position(s: ActivitySignup): Promise<number> {
    return this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .where("s.activityId = :a AND s.status = 'waitlisted' AND s.id <= :id", { a: s.activityId, id: s.id })
      .getCount();
  }

  private async waitlistPositions(activityId: number, rows: ActivitySignup[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    if (!rows.some((r) => r.status === 'waitlisted')) return out;
    const ids = await this.ds
      .getRepository(ActivitySignup)
      .find({ where: { activityId, status: 'waitlisted' }, select: { id: true }, order: { id: 'ASC' } });
    ids.forEach((r, i) => out.set(r.id, i + 1));
    return out;
  }

  private commonFilters(
    qb: SelectQueryBuilder<Activity>,
    q: { stationId?: number; type?: string; from?: string; to?: string },
  ): void {
    if (q.stationId) qb.andWhere('a.orgPath LIKE :stationPath', { stationPath: `%/${q.stationId}/%` });
    if (q.type) qb.andWhere('a.type = :type', { type: q.type });
    if (q.from) qb.andWhere('a.endAt >= :from', { from: this.clock.startOfDay(q.from) });
    if (q.to) qb.andWhere('a.startAt < :to', { to: this.clock.startOfDay(addCalendarDays(q.to, 1)) });
  }

  private async responses(
    rows: Activity[],
    viewerUserId: number | null,
    here: { lat: number; lng: number } | null,
  ): Promise<ActivityResponse[]> {
    if (!rows.length) return [];
    const ids = rows.map((a) => a.id);
    const units = await this.org.findByIds([...new Set(rows.map((a) => a.orgUnitId))]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const waits: { activityId: number; n: number | string }[] = await this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .select('s.activityId', 'activityId')
      .addSelect('COUNT(*)', 'n')
      .where("s.activityId IN (:...ids) AND s.status = 'waitlisted'", { ids })
      .groupBy('s.activityId')
      .getRawMany();
    const waitCount = new Map(waits.map((w) => [Number(w.activityId), Number(w.n)]));
    const mine = new Map<number, ActivitySignup>();
    if (viewerUserId) {
      const own = await this.ds
        .getRepository(ActivitySignup)
        .find({ where: { userId: viewerUserId, activityId: In(ids) }, order: { id: 'ASC' } });
      for (const s of own) mine.set(s.activityId, s); // the latest sign-up wins
    }
    const out: ActivityResponse[] = [];
    for (const a of rows) {
      const s = mine.get(a.id);
      out.push(
        toActivityResponse(a, {
          orgName: unitName.get(a.orgUnitId) ?? '',
          waitlistCount: waitCount.get(a.id) ?? 0,
          mySignup: s ? toMySignupResponse(s, s.status === 'waitlisted' ? await this.position(s) : null) : null,
          distanceM: here ? Math.round(distanceMeters(here, { lat: a.lat, lng: a.lng })) : null,
        }),
      );
    }
    return out;
  }
}
