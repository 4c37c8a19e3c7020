import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  TEAM_ACTIVE_MIN_MEMBERS,
  TEAM_ACTIVE_WINDOW_DAYS,
  TEAM_KIND_LABELS,
  addCalendarDays,
  type MyTeamSummary,
  type Page,
  type StationWithoutActiveTeam,
  type TeamInactiveReason,
  type TeamPerson,
  type TeamResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries, type VolunteerRecord } from '../volunteers/volunteer-queries.js';
import { TeamActivityCounts } from './team-activity-counts.js';
import { TeamMember } from './team-member.entity.js';
import { Team } from './team.entity.js';
import type { TeamDto, TeamListQueryDto } from './teams.dto.js';

/** Whether a team is active, and why not: a leader, enough members, a settled activity in the window. */
export function inactiveReasons(team: { leaderVolunteerId: number | null }, members: number, settled: number) {
  const reasons: TeamInactiveReason[] = [];
  if (team.leaderVolunteerId === null) reasons.push('no_leader');
  if (members < TEAM_ACTIVE_MIN_MEMBERS) reasons.push('too_few_members');
  if (settled < 1) reasons.push('no_recent_activity');
  return reasons;
}

/** A station's teams (docs/product.md#teams): created and edited by staff in scope, all audited. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly activityCounts: TeamActivityCounts,
  ) {}

  async create(actor: Actor, dto: TeamDto): Promise<TeamResponse> {
    const fields = await this.validated(actor, dto);
    const id = await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const team = await m.getRepository(Team).save(m.getRepository(Team).create({ ...fields.team, createdAt: now }));
      await this.replaceMembers(m, team.id, fields.memberIds, now);
      await this.audit.record(m, actor, {
        action: 'team.create',
        targetType: 'team',
        targetId: String(team.id),
        orgUnitId: team.stationId,
        after: this.summary(team, fields.memberIds),
      });
      return team.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: TeamDto): Promise<TeamResponse> {
    const before = await this.loadInScope(actor, id);
    const fields = await this.validated(actor, { ...dto, stationId: dto.stationId ?? before.stationId });
    await this.ds.transaction(async (m) => {
      const oldMembers = (await m.getRepository(TeamMember).findBy({ teamId: id })).map((x) => x.volunteerId);
      const now = this.clock.now();
      await m.getRepository(Team).update({ id }, fields.team);
      await this.replaceMembers(m, id, fields.memberIds, now);
      await this.audit.record(m, actor, {
        action: 'team.update',
        targetType: 'team',
        targetId: String(id),
        orgUnitId: fields.team.stationId,
        before: this.summary(before, oldMembers),
        after: this.summary({ ...before, ...fields.team }, fields.memberIds),
      });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: TeamListQueryDto): Promise<Page<TeamResponse>> {
    const qb = wherePathInScope(this.ds.getRepository(Team).createQueryBuilder('t'), actor, 't.stationPath');
    if (q.stationId) qb.andWhere('t.stationId = :sid', { sid: q.stationId });
    const [rows, total] = await qb
      .orderBy('t.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.toResponses(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<TeamResponse> {
    return (await this.toResponses([await this.loadInScope(actor, id)]))[0];
  }

  /** Stations in the viewer's scope without an active team, in tree order (the dashboard's list). */
  async stationsWithoutActiveTeam(actor: Actor): Promise<StationWithoutActiveTeam[]> {
    const stations = await this.org.stationsInScope(actor);
    const teams = await wherePathInScope(
      this.ds.getRepository(Team).createQueryBuilder('t'),
      actor,
      't.stationPath',
    ).getMany();
    const state = await this.activeState(teams);
    return stations
      .filter((s) => !teams.some((t) => t.stationId === s.id && state.get(t.id)!.reasons.length === 0))
      .map((s) => ({ id: s.id, name: s.name, teamCount: teams.filter((t) => t.stationId === s.id).length }));
  }

  /** The signed-in person's teams (none when they are not a volunteer). */
  async mineByUser(userId: number): Promise<MyTeamSummary[]> {
    const v = await this.volunteers.findByUserId(userId);
    return v ? this.mine(v.id) : [];
  }

  /** The teams a volunteer leads or belongs to, for their card. */
  async mine(volunteerId: number): Promise<MyTeamSummary[]> {
    const memberOf = (await this.ds.getRepository(TeamMember).findBy({ volunteerId })).map((m) => m.teamId);
    const teams = await this.ds.getRepository(Team).find({
      where: [{ id: In(memberOf.length ? memberOf : [0]) }, { leaderVolunteerId: volunteerId }],
      order: { id: 'ASC' },
    });
    const leaders = await this.volunteers.findByIds(teams.map((t) => t.leaderVolunteerId ?? 0));
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      kindLabel: TEAM_KIND_LABELS[t.kind],
      leaderName: personName(leaders.find((v) => v.id === t.leaderVolunteerId)),
      isLeader: t.leaderVolunteerId === volunteerId,
    }));
  }

  /** Checks station, area, leader and members against the station; returns the columns and the member ids. */
  private async validated(actor: Actor, dto: TeamDto) {
    const station = await this.org.findById(dto.stationId ?? actor.orgUnitId ?? 0);
    if (!station) throw AppException.notFound();
    assertPathInScope(actor, station.path);
    if (station.level !== 'station') throw new AppException('TEAM_STATION_REQUIRED');
    const communityId = dto.communityId ?? null;
    const areaText = dto.areaText?.trim() || null;
    if (communityId !== null) {
      const community = await this.org.findById(communityId);
      if (!community || community.parentId !== station.id) throw new AppException('TEAM_AREA_INVALID');
    } else if (!areaText) throw new AppException('TEAM_AREA_INVALID');
    const leaderVolunteerId = dto.leaderVolunteerId ?? null;
    const memberIds = [...new Set(dto.memberVolunteerIds)];
    const people = [...new Set([...memberIds, ...(leaderVolunteerId ? [leaderVolunteerId] : [])])];
    await this.assertEligible(people, station.id);
    const team = {
      name: dto.name.trim(),
      kind: dto.kind,
      stationId: station.id,
      stationPath: station.path,
      communityId,
      areaText,
      leaderVolunteerId,
      duties: dto.duties?.trim() || null,
      rules: dto.rules?.trim() || null,
      updatedAt: this.clock.now(),
    };
    return { team, memberIds };
  }

  /**
   * Leader and members must be active volunteers of the station. Someone who was eligible when the team was made may
   * have been suspended or moved since: the refusal names them, so the officer knows whom to take off the team.
   */
  private async assertEligible(people: number[], stationId: number): Promise<void> {
    const found = await this.volunteers.findByIds(people);
    const ineligible = found.filter((v) => v.stationId !== stationId || v.status !== 'active');
    if (found.length === people.length && !ineligible.length) return;
    if (!ineligible.length) throw new AppException('TEAM_MEMBER_NOT_ELIGIBLE');
    const names = ineligible.map((v) => personName(v)).join('、');
    throw new AppException(
      'TEAM_MEMBER_NOT_ELIGIBLE',
      ineligible.map((v) => ({ volunteerId: v.id, name: personName(v) })),
      `${names} 已不是本所在册的义警，请把其从队长或队员中移出后再保存`,
    );
  }

  private async replaceMembers(m: EntityManager, teamId: number, memberIds: number[], now: Date): Promise<void> {
    await m.getRepository(TeamMember).delete({ teamId });
    if (memberIds.length)
      await m
        .getRepository(TeamMember)
        .insert(memberIds.map((volunteerId) => ({ teamId, volunteerId, joinedAt: now })));
  }

  private summary(t: Pick<Team, 'name' | 'kind' | 'stationId' | 'leaderVolunteerId'>, memberIds: number[]) {
    return { name: t.name, kind: t.kind, stationId: t.stationId, leaderVolunteerId: t.leaderVolunteerId, memberIds };
  }

  private async loadInScope(actor: Actor, id: number): Promise<Team> {
    const t = await wherePathInScope(
      this.ds.getRepository(Team).createQueryBuilder('t').where('t.id = :id', { id }),
      actor,
      't.stationPath',
    ).getOne();
    if (!t) throw AppException.notFound();
    return t;
  }

  /** Members and settled activities in the window (from the start of the business day 30 days ago), per team. */
  private async activeState(teams: Team[]) {
    const ids = teams.map((t) => t.id);
    const members = ids.length ? await this.ds.getRepository(TeamMember).findBy({ teamId: In(ids) }) : [];
    const since = this.clock.startOfDay(addCalendarDays(this.clock.today(), -TEAM_ACTIVE_WINDOW_DAYS));
    const settled = await this.activityCounts.settledSince(ids, since);
    return new Map(
      teams.map((t) => {
        const memberIds = members.filter((m) => m.teamId === t.id).map((m) => m.volunteerId);
        const count = settled.get(t.id) ?? 0;
        return [t.id, { memberIds, settled: count, reasons: inactiveReasons(t, memberIds.length, count) }];
      }),
    );
  }

  private async toResponses(teams: Team[]): Promise<TeamResponse[]> {
    const state = await this.activeState(teams);
    const people = await this.volunteers.findByIds([
      ...new Set(teams.flatMap((t) => [...state.get(t.id)!.memberIds, t.leaderVolunteerId ?? 0])),
    ]);
    const units = await this.org.findByIds([...new Set(teams.flatMap((t) => [t.stationId, t.communityId ?? 0]))]);
    const person = (id: number): TeamPerson | null => {
      const v = people.find((p) => p.id === id);
      return v ? { volunteerId: v.id, name: personName(v) ?? v.memberNo, memberNo: v.memberNo } : null;
    };
    const unit = (id: number | null) => {
      const u = units.find((x) => x.id === id);
      return u ? { id: u.id, name: u.name } : null;
    };
    return teams.map((t) => {
      const s = state.get(t.id)!;
      return {
        id: t.id,
        name: t.name,
        kind: t.kind,
        kindLabel: TEAM_KIND_LABELS[t.kind],
        station: unit(t.stationId) ?? { id: t.stationId, name: '' },
        community: unit(t.communityId),
        areaText: t.areaText,
        leader: t.leaderVolunteerId ? person(t.leaderVolunteerId) : null,
        members: s.memberIds.map(person).filter((p): p is TeamPerson => p !== null),
        memberCount: s.memberIds.length,
        duties: t.duties,
        rules: t.rules,
        active: s.reasons.length === 0,
        inactiveReasons: s.reasons,
        recentSettledActivities: s.settled,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
      };
    });
  }
}

function personName(v: VolunteerRecord | undefined): string | null {
  return v ? (v.name ?? v.memberNo) : null;
}
