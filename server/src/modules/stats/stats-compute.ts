import { Inject, Injectable } from '@nestjs/common';
import { addCalendarDays, TEAM_ACTIVE_WINDOW_DAYS } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import { ApplicationQueries } from '../applications/application-queries.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { PointsLiabilityQuery } from '../points/points-liability.query.js';
import { RosterQueries } from '../roster/roster-queries.js';
import { TeamActivityCounts } from '../teams/team-activity-counts.js';
import { TeamQueries } from '../teams/team-queries.js';
import { inactiveReasons } from '../teams/teams.service.js';
import { TipQueries } from '../tips/tip-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { addTo, weekRowOf, type CounterKind, type CounterRow } from './summary.js';

const DAY_MS = 86_400_000;
const OVERDUE_PAGE = 500;

/**
 * Computes the summary figures from the raw rows, through each owner's grouped query (one GROUP BY per figure, never a
 * row per record). The job and `rebuild:stats` use the same code; points issued also come in increments from a
 * watermark (the lots are append-only).
 */
@Injectable()
export class StatsCompute {
  constructor(
    private readonly clock: Clock,
    @Inject(enrolmentConfig.KEY) private readonly enrolment: EnrolmentConfig,
    private readonly volunteers: VolunteerQueries,
    private readonly roster: RosterQueries,
    private readonly companies: CompanyQueries,
    private readonly activities: ActivityQueries,
    private readonly tips: TipQueries,
    private readonly teams: TeamQueries,
    private readonly teamActivity: TeamActivityCounts,
    private readonly applications: ApplicationQueries,
    private readonly points: PointsLiabilityQuery,
  ) {}

  /** Every figure except points issued (see `issuedAfter`), keyed by counterKey. */
  async current(): Promise<Map<string, CounterRow>> {
    const out = new Map<string, CounterRow>();
    const put = (kind: CounterKind, refId: number | null, dim: string, day: string, value: number) => {
      const row: CounterRow = { kind, refId: refId ?? 0, dim, day, value };
      addTo(out, row);
      const week = weekRowOf(row);
      if (week) addTo(out, week);
    };
    for (const r of await this.volunteers.activeByStationTier()) put('vol', r.stationId, r.tier, '', r.count);
    for (const kind of ['joined', 'left'] as const)
      for (const r of await this.volunteers.movementsByStationDay(kind)) put(kind, r.stationId, '', r.day, r.count);
    for (const r of await this.activities.patrolsByUnitDay()) put('patrols', r.orgUnitId, '', r.day, r.count);
    for (const r of await this.activities.attendanceByUnitDay()) {
      put('attendance', r.orgUnitId, '', r.day, r.count);
      put('attendance_min', r.orgUnitId, '', r.day, r.minutes);
    }
    for (const r of await this.tips.countsByUnit()) put('tips', r.orgUnitId, `${r.status}:${r.urgency}`, '', r.count);
    for (const r of await this.tips.receivedByUnitDay()) put('tips_day', r.orgUnitId, '', r.day, r.count);
    await this.rosterFigures(put);
    await this.teamFigures(put);
    await this.overdueFigures(put);
    for (const r of await this.points.redeemedByIssuingOrg(null, null, null))
      put('pts_redeemed', r.orgId, '', '', r.points);
    for (const r of await this.points.expiredByIssuingOrg()) put('pts_expired', r.orgId, '', '', r.points);
    for (const r of await this.points.liabilityByOrg(null)) put('pts_liability', r.orgId, '', '', r.points);
    return out;
  }

  /** Points issued per issuing unit in the lots after `afterId`, and the highest lot id read. */
  async issuedAfter(afterId: number): Promise<{ upTo: number; rows: CounterRow[] }> {
    const { upTo, rows } = await this.points.issuedByOrgAfter(afterId);
    return {
      upTo,
      rows: rows
        .filter((r) => r.points)
        .map((r) => ({ kind: 'pts_issued', refId: r.orgId, dim: '', day: '', value: r.points })),
    };
  }

  private async rosterFigures(put: (k: CounterKind, id: number, dim: string, day: string, v: number) => void) {
    const companies = new Map((await this.companies.briefAtStations()).map((c) => [c.id, c]));
    for (const r of await this.roster.countsByCompany()) {
      const c = companies.get(r.companyId);
      const measures = {
        total: r.total,
        joined: r.joined,
        certified: r.certified,
        certified_joined: r.certifiedJoined,
      };
      for (const [m, v] of Object.entries(measures)) {
        put('roster', r.companyId, m, '', v);
        if (c) put('roster_st', c.homeStationId, `${c.type}:${m}`, '', v);
      }
    }
  }

  /** Teams per station and the active ones (the teams module's rule: leader, members, a settled activity in 30 days). */
  private async teamFigures(put: (k: CounterKind, id: number, dim: string, day: string, v: number) => void) {
    const teams = await this.teams.withMemberCounts();
    const since = this.clock.startOfDay(addCalendarDays(this.clock.today(), -TEAM_ACTIVE_WINDOW_DAYS));
    const settled = await this.teamActivity.settledSince(
      teams.map((t) => t.id),
      since,
    );
    for (const t of teams) {
      put('teams', t.stationId, '', '', 1);
      if (inactiveReasons(t, t.members, settled.get(t.id) ?? 0).length === 0)
        put('teams_active', t.stationId, '', '', 1);
    }
  }

  /** Applications waiting past their review time, per unit whose officers act on the waiting stage. */
  private async overdueFigures(put: (k: CounterKind, id: number, dim: string, day: string, v: number) => void) {
    const cutoff = new Date(this.clock.nowMs() - this.enrolment.reviewSlaDays * DAY_MS);
    for (let afterId = 0; ;) {
      const page = await this.applications.overdue(cutoff, afterId, OVERDUE_PAGE);
      for (const a of page) put('apps_overdue', a.unitIds[0] ?? 0, '', '', 1);
      if (page.length < OVERDUE_PAGE) break;
      afterId = page[page.length - 1].id;
    }
  }
}
