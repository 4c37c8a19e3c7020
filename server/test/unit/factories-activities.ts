import type { DataSource } from 'typeorm';
import type { Actor } from '../../src/common/auth/actor.js';
import { readArea } from '../../src/config/config-area.js';
import { activitiesConfig, type ActivitiesConfig } from '../../src/config/activities.config.js';
import { ActivitySignup } from '../../src/modules/activities/entities/activity-signup.entity.js';
import { Activity } from '../../src/modules/activities/entities/activity.entity.js';
import type { InsuranceSource } from '../../src/modules/activities/insurance.source.js';
import type { AgreementSource } from '../../src/modules/activities/agreement.source.js';
import type { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import type { Volunteer } from '../../src/modules/volunteers/volunteer.entity.js';
import { TeamQueries } from '../../src/modules/teams/team-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { ActivityReach } from '../../src/modules/activities/activity-reach.js';
import type { Clock } from '../../src/common/clock/clock.js';
import { unitOrg } from './factories.js';

/** The activity rules with their defaults, or the values `env` names. */
export function unitActivitiesConfig(env: Record<string, string> = {}): ActivitiesConfig {
  return readArea(activitiesConfig.read, { NODE_ENV: 'test', ...env });
}

const HOUR = 3_600_000;

/**
 * A published street patrol at `unit` from `startAt` for two hours (sign-up and cancel close at the
 * start), ten places, instant sign-up, 10 points an hour, at 采石 (118.5, 31.6) with a 300 m radius.
 */
export async function createActivity(
  ds: DataSource,
  unit: OrgUnit,
  startAt: Date,
  over: Partial<Activity> = {},
): Promise<Activity> {
  const repo = ds.getRepository(Activity);
  return repo.save(
    repo.create({
      orgUnitId: unit.id,
      orgPath: unit.path,
      title: '采石片区夜间巡逻',
      type: 'street_patrol',
      description: '沿江路段巡逻',
      address: '采石矶景区东门',
      lat: 31.6,
      lng: 118.5,
      radiusM: 300,
      startAt,
      endAt: new Date(startAt.getTime() + 2 * HOUR),
      signupDeadline: startAt,
      cancelDeadline: startAt,
      capacity: 10,
      confirmedCount: 0,
      minHeadcount: 0,
      requirements: { skills: [], tiers: [], minAge: null, maxAge: null, requiresInsurance: false },
      riskLevel: 'normal',
      pointsRule: 'per_hour',
      pointsAmount: 10,
      pointsFactorPct: 100,
      mode: 'daily',
      signupMode: 'instant',
      status: 'published',
      proposalStatus: null,
      proposedByUserId: null,
      proposedByName: null,
      proposalRejectReason: null,
      proposalSlot: null,
      cancelReason: null,
      underfilledWarnedAt: null,
      createdByUserId: null,
      publishedAt: startAt,
      settledAt: null,
      createdAt: startAt,
      updatedAt: startAt,
      ...over,
    }),
  );
}

/** A live sign-up of `volunteer` (confirmed unless `over` says otherwise); a confirmed one takes a place. */
export async function createSignup(
  ds: DataSource,
  activity: Activity,
  volunteer: Volunteer,
  over: Partial<ActivitySignup> = {},
): Promise<ActivitySignup> {
  const repo = ds.getRepository(ActivitySignup);
  const s = await repo.save(
    repo.create({
      activityId: activity.id,
      volunteerId: volunteer.id,
      userId: volunteer.userId,
      status: 'confirmed',
      live: 1,
      attendance: 'unconfirmed',
      autoCheckedOut: false,
      manualMinutes: 0,
      pointsAwarded: 0,
      createdAt: activity.createdAt,
      updatedAt: activity.createdAt,
      ...over,
    }),
  );
  if (s.status === 'confirmed') await ds.getRepository(Activity).increment({ id: activity.id }, 'confirmedCount', 1);
  return s;
}

/** Insurance and the signed agreement as the spec sets them: volunteers listed are covered / have signed. */
export class FakeInsurance implements InsuranceSource {
  readonly covered = new Set<number>();
  readonly asked: number[] = [];

  async coversPeriod(volunteerId: number): Promise<boolean> {
    this.asked.push(volunteerId);
    return this.covered.has(volunteerId);
  }
}

export class FakeAgreements implements AgreementSource {
  readonly signed = new Set<number>();

  async hasSignedAgreement(volunteer: { id: number }): Promise<boolean> {
    return this.signed.has(volunteer.id);
  }
}

/** A signed-in WeChat user (a volunteer when they have a volunteer row), as the guard would load them. */
export function memberActor(user: { id: number; displayName: string; openid: string | null }): Actor {
  return {
    userId: user.id,
    displayName: user.displayName,
    openid: user.openid,
    staffRoles: [],
    roles: ['volunteer'],
    orgUnitId: null,
    orgPath: null,
    isStaff: false,
    ip: '127.0.0.1',
  };
}

/** The teams module's queries over the unit database (team-only sign-up, the leader's check-in code). */
export function unitTeams(ds: DataSource): TeamQueries {
  return new TeamQueries(ds, new VolunteerQueries(ds));
}

/** Who an activity reaches and where staff may publish it, over the unit database. */
export function unitReach(ds: DataSource, clock: Clock): ActivityReach {
  return new ActivityReach(unitOrg(ds), new VolunteerQueries(ds), clock);
}
