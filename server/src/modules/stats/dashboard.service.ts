import { Inject, Injectable } from '@nestjs/common';
import {
  addCalendarDays,
  COMPANY_TYPE_LABELS,
  COMPANY_TYPES,
  DASHBOARD_RULE_WEEKS,
  DASHBOARD_SERIES_WEEKS,
  isoWeekOf,
  percentOf,
  TIP_STATUS_LABELS,
  TIP_STATUSES,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type DashboardResponse,
  type PointsFigure,
  type WeeklyRuleWeek,
  type WeeklySeriesPoint,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { assertPathInScope, scopePrefix } from '../../common/scope/org-scope.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { TargetQueries } from '../targets/target-queries.js';
import { DashboardFigures, dashboardFromDay, joinOf, SPEED_DAYS, StatsReader } from './dashboard-figures.js';
import { targetsInForce } from './dashboard-targets.js';
import { StatsRefresh } from './stats-refresh.js';
import { mondayOf, ruleWeeks, type SummaryIndex, type UnitNode } from './summary.js';

/** The unit a dashboard request is about: `unitId` in the viewer's scope, else the viewer's own unit (404 outside). */
export function resolveUnit(idx: SummaryIndex, actor: Actor, unitId?: number): UnitNode {
  const prefix = scopePrefix(actor);
  const unit = unitId ? idx.unit(unitId) : (idx.unit(actor.orgUnitId ?? 0) ?? idx.units.find((u) => u.path === prefix));
  if (!unit) throw AppException.notFound();
  assertPathInScope(actor, unit.path);
  return unit;
}

/** The bureau's view (docs/dashboard.md): every figure from the summary tables, scoped to the viewer. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly reader: StatsReader,
    private readonly figures: DashboardFigures,
    private readonly refresh: StatsRefresh,
    private readonly clock: Clock,
    @Inject(activitiesConfig.KEY) private readonly activities: ActivitiesConfig,
    private readonly targets: TargetQueries,
  ) {}

  async dashboard(actor: Actor, unitId?: number): Promise<DashboardResponse> {
    const today = this.clock.today();
    const idx = await this.reader.index(dashboardFromDay(today));
    const unit = resolveUnit(idx, actor, unitId);
    const children = unit.level === 'station' ? [unit] : idx.children(unit.id);
    const stations = unit.level === 'station' ? [unit] : idx.stationsUnder(unit.path);
    const t = targetsInForce(await this.targets.current());
    const speedFrom = addCalendarDays(today, -(SPEED_DAYS - 1));
    const speeds = await this.figures.speeds(
      idx,
      [...new Set([unit.id, ...children.map((c) => c.id)])],
      speedFrom,
      today,
    );
    const volunteers = idx.volunteersAt(unit.path, null);
    const certified = idx.sum('roster_st', unit.path, (r) => r.dim.endsWith(':certified'));
    const certifiedJoined = idx.sum('roster_st', unit.path, (r) => r.dim.endsWith(':certified_joined'));
    const refreshedAt = await this.refresh.refreshedAt();
    return {
      unit: { id: unit.id, name: unit.name, level: unit.level },
      asOf: today,
      week: isoWeekOf(this.clock.now(), this.clock.zone),
      volunteers: {
        value: volunteers,
        target: t.volunteers.target,
        dueDate: t.volunteers.dueDate,
        pct: percentOf(volunteers, t.volunteers.target),
      },
      certifiedCoverage: {
        certified,
        joined: certifiedJoined,
        pct: percentOf(certifiedJoined, certified),
        targetPct: t.certifiedCoverage.targetPct,
        dueDate: t.certifiedCoverage.dueDate,
      },
      weekly: this.series(idx, unit.path, today),
      byTier: VOLUNTEER_TIERS.map((tier) => ({
        tier,
        label: VOLUNTEER_TIER_LABELS[tier],
        count: idx.sum('vol', unit.path, (r) => r.dim === tier),
      })),
      joinRate: joinOf(idx, unit.path, null),
      joinRateByEmployerType: COMPANY_TYPES.map((type) => {
        const j = joinOf(idx, unit.path, type);
        const targetPct = t.joinRate.targetPct[type];
        return {
          type,
          label: COMPANY_TYPE_LABELS[type],
          ...j,
          targetPct,
          dueDate: t.joinRate.dueDate[type],
          met: (j.joinRate ?? 0) >= targetPct,
        };
      }),
      byUnit: this.figures.fromIndex(
        idx,
        children.map((c) => c.id),
        today,
        null,
        speeds,
      ),
      stationsWithoutActiveTeam: stations.filter((s) => idx.sum('teams_active', s.path) === 0).length,
      weeklyRule: this.weeklyRule(idx, stations, today),
      overdueApplications: idx.sum('apps_overdue', unit.path),
      tips: this.tips(idx, unit.path),
      callups: { available: true, acceptMedianS: speeds.get(unit.id) ?? null },
      points: this.points(idx, unit, children),
      refreshedAt: refreshedAt ? refreshedAt.toISOString() : null,
    };
  }

  /** The last 12 ISO weeks: joined, left and active at the end of each week (now, for the current week). */
  private series(idx: SummaryIndex, path: string, today: string): WeeklySeriesPoint[] {
    const monday = mondayOf(today);
    const first = addCalendarDays(monday, -7 * (DASHBOARD_SERIES_WEEKS - 1));
    // one pass over the window's day rows: joined and left per week (index 0 = the first week)
    const bucket = (kind: 'joined' | 'left') => {
      const weeks = new Array<number>(DASHBOARD_SERIES_WEEKS).fill(0);
      for (const r of idx.rows(kind)) {
        if (r.day < first || !r.path.startsWith(path)) continue;
        const w = Math.floor((Date.parse(r.day) - Date.parse(first)) / (7 * 86_400_000));
        if (w < DASHBOARD_SERIES_WEEKS) weeks[w] += r.value;
      }
      return weeks;
    };
    const joined = bucket('joined');
    const left = bucket('left');
    let total = idx.volunteersAt(path, null);
    const out: WeeklySeriesPoint[] = [];
    for (let i = DASHBOARD_SERIES_WEEKS - 1; i >= 0; i--) {
      const from = addCalendarDays(first, 7 * i);
      out.unshift({
        week: isoWeekOf(this.clock.startOfDay(from), this.clock.zone),
        monday: from,
        joined: joined[i],
        left: left[i],
        total,
      });
      // active at the end of the week before = at the end of this one, less who joined, plus who left in it
      total = total - joined[i] + left[i];
    }
    return out;
  }

  private weeklyRule(idx: SummaryIndex, stations: UnitNode[], today: string) {
    const min = this.activities.weeklyRuleMinimum;
    const weeks = ruleWeeks(today, DASHBOARD_RULE_WEEKS);
    const week = (w: string): WeeklyRuleWeek => ({
      week: w,
      below: stations.filter((s) => (idx.patrolWeeks(s.id).get(w) ?? 0) < min).length,
      stations: stations.length,
    });
    return { minimum: min, thisWeek: week(weeks.thisWeek), weeks: weeks.weeks.map(week) };
  }

  private tips(idx: SummaryIndex, path: string): DashboardResponse['tips'] {
    const byStatus = TIP_STATUSES.map((status) => {
      const normal = idx.sum('tips', path, (r) => r.dim === `${status}:normal`);
      const urgent = idx.sum('tips', path, (r) => r.dim === `${status}:urgent`);
      return { status, label: TIP_STATUS_LABELS[status], normal, urgent, total: normal + urgent };
    });
    return {
      byStatus,
      total: byStatus.reduce((s, r) => s + r.total, 0),
      urgent: byStatus.reduce((s, r) => s + r.urgent, 0),
    };
  }

  /** Points per child unit (the issuing units under each) and the unit's total. */
  private points(idx: SummaryIndex, unit: UnitNode, children: UnitNode[]): DashboardResponse['points'] {
    const of = (path: string) => ({
      issued: idx.sum('pts_issued', path),
      redeemed: idx.sum('pts_redeemed', path),
      expired: idx.sum('pts_expired', path),
      liability: idx.sum('pts_liability', path),
    });
    const byUnit: PointsFigure[] = children.map((c) => ({ orgId: c.id, orgName: c.name, ...of(c.path) }));
    return { byUnit, total: of(unit.path) };
  }
}
