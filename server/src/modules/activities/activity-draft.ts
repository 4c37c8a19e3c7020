import { In, Not, type EntityManager, type Repository } from 'typeorm';
import { DEFAULT_HIGH_RISK_TYPES, type ActivityRequirements, type ActivityStatus } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import type { ActivityInputDto, UpdateActivityDto } from './dto/activity.dto.js';
import { normalizeRequirements } from './eligibility.js';
import type { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import type { TeamQueries } from '../teams/team-queries.js';

/** The team an activity at `unit` is limited to: null, or a team of the unit's station (or the unit itself). */
export async function activityTeamId(
  teams: TeamQueries,
  teamId: number | null | undefined,
  unit: Pick<OrgUnitRecord, 'path'>,
): Promise<number | null> {
  if (!teamId) return null;
  const team = await teams.findById(teamId);
  if (!team || !unit.path.startsWith(team.stationPath)) throw new AppException('ACTIVITY_TEAM_INVALID');
  return team.id;
}

/**
 * The team an edit moves the activity to (undefined: no change). A draft may change freely; a published
 * activity only while nobody outside the new team holds a live sign-up (confirmed, pending or waiting),
 * so no one keeps a place in a team activity they could not join.
 */
export async function changedTeamId(
  m: EntityManager,
  teams: TeamQueries,
  before: Pick<Activity, 'id' | 'status' | 'teamId' | 'orgPath'>,
  teamId: number | null | undefined,
): Promise<number | null | undefined> {
  if (teamId === undefined || (teamId ?? null) === before.teamId) return undefined;
  if (teamId === null) return null;
  const id = await activityTeamId(teams, teamId, { path: before.orgPath });
  if (before.status === 'draft') return id;
  const members = await teams.memberIds(id!);
  const outside = await m.getRepository(ActivitySignup).count({
    where: {
      activityId: before.id,
      status: In(['confirmed', 'pending', 'waitlisted']),
      ...(members.length ? { volunteerId: Not(In(members)) } : {}),
    },
  });
  if (outside) throw new AppException('ACTIVITY_TEAM_CHANGE_LOCKED', { outside });
  return id;
}

/** Bounds the staff form checks too: the youngest age not above the oldest, the minimum not above the places. */
export function assertConsistent(req: ActivityRequirements, capacity: number, minHeadcount: number): void {
  const problems: { field: string; message: string }[] = [];
  if (req.minAge !== null && req.maxAge !== null && req.minAge > req.maxAge)
    problems.push({ field: 'requirements.maxAge', message: '最大年龄不能小于最小年龄' });
  if (minHeadcount > capacity) problems.push({ field: 'minHeadcount', message: '最少人数不能多于名额' });
  if (problems.length) throw new AppException('VALIDATION_FAILED', problems);
}

/**
 * The plain fields an edit changes (times and team apart), checked for consistency with what stays:
 * only the requirements sent change (the DTO instance carries the others as undefined).
 */
export function fieldPatch(dto: UpdateActivityDto, before: Activity): Partial<Activity> {
  const patch: Partial<Activity> = {};
  const keys = ['title', 'type', 'description', 'minHeadcount', 'riskLevel', 'pointsRule', 'pointsAmount'] as const;
  for (const k of [...keys, 'mode', 'signupMode'] as const)
    if (dto[k] !== undefined) (patch as Record<string, unknown>)[k] = dto[k];
  if (dto.location)
    Object.assign(patch, {
      address: dto.location.address,
      lat: dto.location.lat,
      lng: dto.location.lng,
      radiusM: dto.location.radiusM,
    });
  const sent = Object.entries(dto.requirements ?? {}).filter(([, v]) => v !== undefined);
  if (dto.requirements)
    patch.requirements = normalizeRequirements({ ...before.requirements, ...Object.fromEntries(sent) });
  assertConsistent(
    patch.requirements ?? before.requirements,
    dto.capacity ?? before.capacity,
    dto.minHeadcount ?? before.minHeadcount,
  );
  return patch;
}

export interface ActivityTimesInput {
  startAt: string;
  endAt: string;
  signupDeadline?: string;
  cancelDeadline?: string;
}

/** An activity's times: both deadlines default to the start, and none may fall after the end. */
export function activityTimes(t: ActivityTimesInput) {
  const startAt = new Date(t.startAt);
  const endAt = new Date(t.endAt);
  const signupDeadline = t.signupDeadline ? new Date(t.signupDeadline) : startAt;
  const cancelDeadline = t.cancelDeadline ? new Date(t.cancelDeadline) : startAt;
  if (!(endAt > startAt) || signupDeadline > endAt || cancelDeadline > endAt)
    throw new AppException('ACTIVITY_INVALID_TIME');
  return { startAt, endAt, signupDeadline, cancelDeadline };
}

/** A new draft at `unit` (not saved): staff create it with `createdBy`, a proposal with null. */
export function draftActivity(
  repo: Repository<Activity>,
  input: {
    dto: ActivityInputDto;
    unit: OrgUnitRecord;
    createdBy: number | null;
    now: Date;
    defaultRadiusM: number;
    teamId: number | null;
  },
): Activity {
  const { dto, unit, createdBy, now } = input;
  const status: ActivityStatus = 'draft';
  const requirements = normalizeRequirements(dto.requirements);
  assertConsistent(requirements, dto.capacity, dto.minHeadcount ?? 0);
  return repo.create({
    orgUnitId: unit.id,
    orgPath: unit.path,
    title: dto.title,
    type: dto.type,
    description: dto.description,
    address: dto.location.address,
    lat: dto.location.lat,
    lng: dto.location.lng,
    radiusM: dto.location.radiusM ?? input.defaultRadiusM,
    ...activityTimes(dto),
    capacity: dto.capacity,
    confirmedCount: 0,
    minHeadcount: dto.minHeadcount ?? 0,
    requirements,
    riskLevel: dto.riskLevel ?? (DEFAULT_HIGH_RISK_TYPES.includes(dto.type) ? 'high' : 'normal'),
    pointsRule: dto.pointsRule,
    pointsAmount: dto.pointsAmount,
    pointsFactorPct: 100,
    mode: dto.mode ?? 'daily',
    signupMode: dto.signupMode,
    status,
    proposalStatus: null,
    proposedByUserId: null,
    proposedByName: null,
    proposalRejectReason: null,
    proposalSlot: null,
    cancelReason: null,
    teamId: input.teamId,
    underfilledWarnedAt: null,
    createdByUserId: createdBy,
    publishedAt: null,
    settledAt: null,
    createdAt: now,
    updatedAt: now,
  });
}
