import { Injectable } from '@nestjs/common';
import {
  distanceMeters,
  VOLUNTEER_TIER_LABELS,
  type CallupTarget,
  type Skill,
  type VolunteerTier,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { OrgService } from '../org/org.service.js';
import { TeamQueries } from '../teams/team-queries.js';
import { VolunteerReach, type MatchedVolunteer } from '../volunteers/volunteer-reach.js';

/** A call-up's target resolved: the unit aimed at, the target described for people, the volunteers matching it. */
export interface ResolvedCallupTarget {
  unit: OrgUnitRecord;
  targetName: string;
  volunteers: MatchedVolunteer[];
}

/**
 * Whom a call-up asks (docs/callups.md#call-ups-and-targeting): the active volunteers managed by or living in an org
 * unit under the sender, optionally only a team's members and leader (the team's station lies in that unit), with
 * every listed skill, of the listed tiers, within a radius of a point (their last check-in place, else their residence
 * community's centre). Units, skills and tiers are one SQL read; only the radius is measured here.
 * A unit or team outside the sender's scope reads as 404.
 */
@Injectable()
export class CallupTargeting {
  constructor(
    private readonly org: OrgService,
    private readonly teams: TeamQueries,
    private readonly reach: VolunteerReach,
    private readonly activities: ActivityQueries,
  ) {}

  async resolve(actor: Actor, target: CallupTarget): Promise<ResolvedCallupTarget> {
    const unit = await this.org.findById(target.unitId);
    if (!unit || !isPathInScope(actor, unit.path)) throw AppException.notFound();
    const names = [unit.name];
    let onlyIds: number[] | undefined;
    if (target.teamId) {
      const team = await this.teams.findById(target.teamId);
      if (!team || !isPathInScope(actor, team.stationPath)) throw AppException.notFound();
      if (!team.stationPath.startsWith(unit.path)) throw new AppException('CALLUP_TARGET_INVALID');
      onlyIds = await this.teams.memberIds(team.id);
      names.push(team.name);
    }
    let volunteers = await this.matching(unit.path, { onlyIds, skills: target.skills, tiers: target.tiers });
    if (target.skills?.length) names.push(target.skills.join('、'));
    if (target.tiers?.length) names.push(target.tiers.map((t) => VOLUNTEER_TIER_LABELS[t]).join('、'));
    if (target.radius) {
      volunteers = await this.within(volunteers, target.radius);
      names.push(`集结点周边 ${target.radius.radiusM} 米`);
    }
    return { unit, targetName: names.join(' · ').slice(0, 200), volunteers };
  }

  /** A branch's talent pool for a draw: its active volunteers with the skills (all) and of the tier. */
  pool(branch: OrgUnitRecord, skills: readonly Skill[], tier: VolunteerTier | null): Promise<MatchedVolunteer[]> {
    return this.matching(branch.path, { skills, tiers: tier ? [tier] : [] });
  }

  private async matching(
    path: string,
    f: { onlyIds?: number[]; skills?: readonly Skill[]; tiers?: readonly VolunteerTier[] },
  ): Promise<MatchedVolunteer[]> {
    const units = (await this.org.findByLevels(['station', 'community'])).filter((u) => u.path.startsWith(path));
    return this.reach.activeMatching({
      stationIds: units.filter((u) => u.level === 'station').map((u) => u.id),
      communityIds: units.filter((u) => u.level === 'community').map((u) => u.id),
      ...f,
    });
  }

  private async within(
    candidates: MatchedVolunteer[],
    r: { lat: number; lng: number; radiusM: number },
  ): Promise<MatchedVolunteer[]> {
    const checkins = await this.activities.lastCheckinPlaces(candidates.map((v) => v.id));
    const communityIds = [...new Set(candidates.map((v) => v.residenceCommunityId).filter((x) => x !== null))];
    const centres = new Map(
      (await this.org.findByIds(communityIds))
        .filter((c) => c.lat !== null && c.lng !== null)
        .map((c) => [c.id, { lat: c.lat!, lng: c.lng! }]),
    );
    return candidates.filter((v) => {
      const place = checkins.get(v.id) ?? (v.residenceCommunityId ? centres.get(v.residenceCommunityId) : undefined);
      return place !== undefined && distanceMeters(place, { lat: r.lat, lng: r.lng }) <= r.radiusM;
    });
  }
}
