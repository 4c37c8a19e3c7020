import { Injectable } from '@nestjs/common';
import { distanceMeters, type AlertTarget, type AlertTargetKind } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isPathInScope, scopePrefix } from '../../common/scope/org-scope.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { OrgService } from '../org/org.service.js';
import { TeamQueries } from '../teams/team-queries.js';
import { VolunteerReach, type ReachableVolunteer } from '../volunteers/volunteer-reach.js';

/** A target resolved: what it is called, the path that decides who of the staff sees it, and its volunteers. */
export interface ResolvedTarget {
  kind: AlertTargetKind;
  targetId: number | null;
  targetName: string;
  orgPath: string;
  volunteers: ReachableVolunteer[];
}

/**
 * Whom a warning reaches (docs/alerts.md#targets): the active volunteers managed by or living in a station or a
 * community, a team's members and leader, or those whose last check-in place (else the centre of their residence
 * community, when known) lies within the radius — always within the sender's scope. A unit or team outside the
 * scope reads as 404; a target of the wrong shape is ALERT_TARGET_INVALID.
 */
@Injectable()
export class AlertAudience {
  constructor(
    private readonly org: OrgService,
    private readonly teams: TeamQueries,
    private readonly reach: VolunteerReach,
    private readonly activities: ActivityQueries,
  ) {}

  async resolve(actor: Actor, target: AlertTarget): Promise<ResolvedTarget> {
    if (target.kind === 'radius') return this.radius(actor, target);
    if (target.id === undefined) throw new AppException('ALERT_TARGET_INVALID');
    if (target.kind === 'team') return this.team(actor, target.id);
    const unit = await this.org.findById(target.id);
    if (!unit || !isPathInScope(actor, unit.path)) throw AppException.notFound();
    if (unit.level !== target.kind) throw new AppException('ALERT_TARGET_INVALID');
    return {
      kind: target.kind,
      targetId: unit.id,
      targetName: unit.name,
      orgPath: unit.path,
      volunteers: await this.inUnitsUnder(unit.path),
    };
  }

  /** The units under `path` (itself included), split into stations and communities. */
  async unitsUnder(path: string): Promise<{ stations: OrgUnitRecord[]; communities: OrgUnitRecord[] }> {
    const units = (await this.org.findByLevels(['station', 'community'])).filter((u) => u.path.startsWith(path));
    return {
      stations: units.filter((u) => u.level === 'station'),
      communities: units.filter((u) => u.level === 'community'),
    };
  }

  async inUnitsUnder(path: string): Promise<ReachableVolunteer[]> {
    const { stations, communities } = await this.unitsUnder(path);
    return this.reach.activeIn(
      stations.map((s) => s.id),
      communities.map((c) => c.id),
    );
  }

  private async team(actor: Actor, id: number): Promise<ResolvedTarget> {
    const team = await this.teams.findById(id);
    if (!team || !isPathInScope(actor, team.stationPath)) throw AppException.notFound();
    return {
      kind: 'team',
      targetId: team.id,
      targetName: team.name,
      orgPath: team.stationPath,
      volunteers: await this.reach.activeByIds(await this.teams.memberIds(team.id)),
    };
  }

  private async radius(actor: Actor, target: AlertTarget): Promise<ResolvedTarget> {
    const { lat, lng, radiusM } = target;
    if (lat === undefined || lng === undefined || radiusM === undefined) throw new AppException('ALERT_TARGET_INVALID');
    const path = scopePrefix(actor);
    const { communities } = await this.unitsUnder(path);
    const candidates = await this.inUnitsUnder(path);
    const checkins = await this.activities.lastCheckinPlaces(candidates.map((v) => v.id));
    const centres = new Map(
      (await this.org.findByIds([...new Set(candidates.map((v) => v.residenceCommunityId).filter((x) => x !== null))]))
        .concat(communities)
        .filter((c) => c.lat !== null && c.lng !== null)
        .map((c) => [c.id, { lat: c.lat!, lng: c.lng! }]),
    );
    const volunteers = candidates.filter((v) => {
      const place = checkins.get(v.id) ?? (v.residenceCommunityId ? centres.get(v.residenceCommunityId) : undefined);
      return place !== undefined && distanceMeters(place, { lat, lng }) <= radiusM;
    });
    return {
      kind: 'radius',
      targetId: null,
      targetName: `${lat.toFixed(5)},${lng.toFixed(5)} 周边 ${radiusM} 米`,
      orgPath: path,
      volunteers,
    };
  }
}
