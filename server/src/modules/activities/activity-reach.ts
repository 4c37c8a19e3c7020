import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { ACTIVITY_OWNER_LEVELS } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { assertPathInScope } from '../../common/scope/org-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { OrgService } from '../org/org.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Activity } from './entities/activity.entity.js';

/** How long the ids of the branch and city units are kept in memory (units change rarely). */
const WIDE_UNITS_TTL_MS = 60_000;

/** The ids on a materialised path, top first: `/1/4/12/` → [1, 4, 12]. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0);
}

/** Every ancestor path of a materialised path, itself included: `/1/4/` → [`/1/`, `/1/4/`]. */
export function ancestorPaths(path: string): string[] {
  const ids = pathIds(path);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/**
 * Who owns an activity and who it reaches (docs/activities.md#owning-unit). A station or community
 * activity is open to every volunteer; a branch or city activity (war-time call-outs) only to the volunteers
 * of the stations under it — and to the staff whose own unit lies under it. Staff publish at their own unit
 * or below, never above it.
 */
@Injectable()
export class ActivityReach {
  private wide: { ids: Set<number>; at: number } | null = null;

  constructor(
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly clock: Clock,
  ) {}

  /** The unit a staff member publishes at: their own unit or one below it, of a level that may own activities. */
  async publishingUnit(actor: Actor, orgUnitId: number | null | undefined): Promise<OrgUnitRecord> {
    if (!orgUnitId) throw new AppException('ACTIVITY_ORG_NOT_ALLOWED');
    const unit = await this.findUnit(orgUnitId);
    // a unit above one's own (a station officer naming the branch) is refused by name, not hidden
    if (actor.orgPath && actor.orgPath !== unit.path && actor.orgPath.startsWith(unit.path))
      throw new AppException('ACTIVITY_ORG_ABOVE_SCOPE');
    assertPathInScope(actor, unit.path);
    if (!(ACTIVITY_OWNER_LEVELS as readonly string[]).includes(unit.level))
      throw new AppException('ACTIVITY_ORG_NOT_ALLOWED', { level: unit.level });
    return unit;
  }

  /** A unit by id (no scope: proposals name their own station), or NOT_FOUND. */
  async findUnit(id: number): Promise<OrgUnitRecord> {
    const unit = await this.org.findById(id);
    if (!unit) throw AppException.notFound({ orgUnitId: id });
    return unit;
  }

  /** Ids of the branch and city units (kept for a minute). */
  async wideUnitIds(): Promise<Set<number>> {
    const now = this.clock.nowMs();
    if (!this.wide || now - this.wide.at > WIDE_UNITS_TTL_MS) {
      const units = await this.org.findByLevels(['city', 'branch']);
      this.wide = { ids: new Set(units.map((u) => u.id)), at: now };
    }
    return this.wide.ids;
  }

  /** The paths of the units above (and at) the caller: their volunteer station's, and for staff their own unit's. */
  async reachPaths(actor: Actor): Promise<string[]> {
    const paths = new Set<string>();
    if (actor.isStaff && actor.orgPath) ancestorPaths(actor.orgPath).forEach((p) => paths.add(p));
    const v = await this.volunteers.findByUserId(actor.userId);
    if (v?.stationId) {
      const station = await this.org.findById(v.stationId);
      if (station) ancestorPaths(station.path).forEach((p) => paths.add(p));
    }
    return [...paths];
  }

  /** Limits a volunteer-facing list to the activities the caller may see: all but other units' wide activities. */
  async whereReachable(qb: SelectQueryBuilder<Activity>, actor: Actor): Promise<void> {
    const wide = [...(await this.wideUnitIds())];
    if (!wide.length) return;
    const paths = await this.reachPaths(actor);
    const or = ['a.orgUnitId NOT IN (:...reachWide)'];
    if (paths.length) or.push('a.orgPath IN (:...reachPaths)');
    // staff also see the wide activities of the units under them
    if (actor.isStaff && actor.orgPath) or.push('a.orgPath LIKE :reachScope');
    qb.andWhere(`(${or.join(' OR ')})`, { reachWide: wide, reachPaths: paths, reachScope: `${actor.orgPath}%` });
  }

  /** Whether the caller may see (and sign up for) an activity of `orgUnitId` at `orgPath`. */
  async reaches(actor: Actor, a: { orgUnitId: number; orgPath: string }): Promise<boolean> {
    if (!(await this.wideUnitIds()).has(Number(a.orgUnitId))) return true;
    if (actor.isStaff && actor.orgPath && a.orgPath.startsWith(actor.orgPath)) return true;
    return (await this.reachPaths(actor)).includes(a.orgPath);
  }
}
