import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import {
  addCalendarDays,
  COMPANY_TYPES,
  DASHBOARD_RULE_WEEKS,
  DASHBOARD_SERIES_WEEKS,
  percentOf,
  type CompanyType,
  type JoinFigures,
  type UnitFigures,
} from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { CallupSpeedQueries } from '../callups/callup-speed.queries.js';
import { OrgService } from '../org/org.service.js';
import { StatCounter } from './stat-counter.entity.js';
import {
  COUNTER_KINDS,
  mondayOf,
  ruleWeeks,
  SummaryIndex,
  type CounterKind,
  type CounterRow,
  type UnitNode,
  WEEK_KIND_OF,
} from './summary.js';

/** Call-up response speed on the dashboard: the call-ups of the last 30 days. */
export const SPEED_DAYS = 30;

const DAY_KINDS: CounterKind[] = ['joined', 'left', 'patrols', 'tips_day'];
const BASE_OF_WEEK_KIND = new Map<CounterKind, CounterKind>(
  Object.entries(WEEK_KIND_OF).map(([day, week]) => [week as CounterKind, day as CounterKind]),
);
const CURRENT_KINDS = COUNTER_KINDS.filter(
  (k) =>
    !DAY_KINDS.includes(k) &&
    !BASE_OF_WEEK_KIND.has(k) &&
    k !== 'attendance' &&
    k !== 'attendance_min' &&
    k !== 'roster',
);

/**
 * Reads the summary rows one request needs (current-state rows and day rows from a date on: bounded by units and
 * weeks, never by the history of the raw tables) with the org tree.
 */
@Injectable()
export class StatsReader {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
  ) {}

  /**
   * The index from `fromDay` on. By `week` (the dashboard and its lists; fromDay a Monday) the day kinds come from
   * their week rows, under their day kind's name with the week's Monday as the day: what the dashboard reads is units ×
   * weeks rows however many days are filled. By `day` (figures as of a date, the stage reports) the day rows.
   */
  async index(fromDay: string, grain: 'day' | 'week' = 'week'): Promise<SummaryIndex> {
    const units = (await this.org.findByLevels(['city', 'branch', 'station', 'community'])).map((u): UnitNode => ({
      id: u.id,
      name: u.name,
      level: u.level,
      parentId: u.parentId,
      path: u.path,
    }));
    const periodKinds = grain === 'week' ? [...BASE_OF_WEEK_KIND.keys()] : DAY_KINDS;
    // raw rows (no entity objects): the request's cost is the rows of its window
    const raw: { kind: CounterKind; refId: number; dim: string; day: string; value: number }[] = await this.ds
      .getRepository(StatCounter)
      .createQueryBuilder('c')
      .select('c.kind', 'kind')
      .addSelect('c.refId', 'refId')
      .addSelect('c.dim', 'dim')
      .addSelect('c.day', 'day')
      .addSelect('c.value', 'value')
      .where(
        new Brackets((w) =>
          w
            .where("c.kind IN (:...current) AND c.day = ''", { current: CURRENT_KINDS })
            .orWhere('c.kind IN (:...days) AND c.day >= :fromDay', { days: periodKinds, fromDay }),
        ),
      )
      .getRawMany();
    for (const r of raw) {
      r.kind = BASE_OF_WEEK_KIND.get(r.kind) ?? r.kind;
      r.refId = Number(r.refId);
      r.value = Number(r.value);
    }
    return new SummaryIndex(units, raw);
  }

  /** Roster rows of these companies (a station's join-rate list). */
  async companyRoster(companyIds: readonly number[]): Promise<CounterRow[]> {
    if (companyIds.length === 0) return [];
    const rows = await this.ds
      .getRepository(StatCounter)
      .findBy({ kind: 'roster', refId: In([...companyIds]), day: '' });
    return rows as CounterRow[];
  }
}

/** Join figures from roster sums (percent with one decimal). */
export function joinFigures(total: number, joined: number): JoinFigures {
  return { rosterTotal: total, rosterJoined: joined, joinRate: percentOf(joined, total) };
}

/** Join figures of the units under `path` for one employer type (all types when null). */
export function joinOf(idx: SummaryIndex, path: string, type: CompanyType | null): JoinFigures {
  const measure = (m: string) => {
    // the dim compared with is built once, not once per row
    const dim = type ? `${type}:${m}` : `:${m}`;
    return idx.sum('roster_st', path, type ? (r) => r.dim === dim : (r) => r.dim.endsWith(dim));
  };
  return joinFigures(measure('total'), measure('joined'));
}

/**
 * One unit's figures as of a Shanghai date (docs/dashboard.md#unit-figures): the stage report's and the ranking's input,
 * and the dashboard's rows per child unit. Reads only the summary tables.
 */
@Injectable()
export class DashboardFigures {
  constructor(
    private readonly reader: StatsReader,
    private readonly clock: Clock,
    @Inject(activitiesConfig.KEY) private readonly activities: ActivitiesConfig,
    private readonly callups: CallupSpeedQueries,
  ) {}

  /**
   * Figures of these units (unknown ids are left out), tips counted from `from` (or ever) to asOf; call-up speed over
   * the call-ups sent from `from` (or the 30 days up to asOf) to asOf.
   */
  async forUnits(unitIds: number[], asOf: string, opts: { from?: string } = {}): Promise<UnitFigures[]> {
    const start = [ruleWeeks(asOf, DASHBOARD_RULE_WEEKS).from, addCalendarDays(asOf, 1)];
    if (opts.from) start.push(opts.from);
    else start.push('0000-00-00');
    const idx = await this.reader.index(start.sort()[0], 'day');
    const speeds = await this.speeds(idx, unitIds, opts.from ?? addCalendarDays(asOf, -(SPEED_DAYS - 1)), asOf);
    return this.fromIndex(idx, unitIds, asOf, opts.from ?? null, speeds);
  }

  /** Median seconds from a call-up to acceptance per unit id (the call-ups module's figures, one query for all). */
  async speeds(idx: SummaryIndex, unitIds: number[], from: string, to: string): Promise<Map<number, number | null>> {
    const units = unitIds.map((id) => idx.unit(id)).filter((u): u is UnitNode => !!u);
    const rows = await this.callups.speedByUnit(
      units.map((u) => u.path),
      from,
      to,
    );
    return new Map(units.map((u, i) => [u.id, rows[i]?.acceptMedianS ?? null]));
  }

  /** The same from an index already read (the dashboard reads once per request). */
  fromIndex(
    idx: SummaryIndex,
    unitIds: number[],
    asOf: string,
    from: string | null,
    speeds: Map<number, number | null>,
  ): UnitFigures[] {
    const today = this.clock.today();
    const weeks = ruleWeeks(asOf, DASHBOARD_RULE_WEEKS);
    const min = this.activities.weeklyRuleMinimum;
    const out: UnitFigures[] = [];
    for (const id of unitIds) {
      const u = idx.unit(id);
      if (!u) continue;
      const stations = u.level === 'station' ? [u] : idx.stationsUnder(u.path);
      let weeksMet = 0;
      let thisWeek = 0;
      for (const s of stations) {
        const pw = idx.patrolWeeks(s.id);
        weeksMet += weeks.weeks.filter((w) => (pw.get(w) ?? 0) >= min).length;
        if ((pw.get(weeks.thisWeek) ?? 0) >= min) thisWeek += 1;
      }
      const byType = Object.fromEntries(COMPANY_TYPES.map((t) => [t, joinOf(idx, u.path, t)])) as Record<
        CompanyType,
        JoinFigures
      >;
      out.push({
        orgId: u.id,
        orgName: u.name,
        level: u.level,
        volunteers: idx.volunteersAt(u.path, asOf >= today ? null : asOf),
        ...joinOf(idx, u.path, null),
        joinRateByEmployerType: byType,
        weeklyRuleStations: stations.length,
        weeklyRuleWeeksMet: weeksMet,
        weeklyRuleThisWeek: thisWeek,
        weeklyRuleRate: percentOf(weeksMet, stations.length * DASHBOARD_RULE_WEEKS),
        tipsCount: idx.sum('tips_day', u.path, (r) => r.day <= asOf && (!from || r.day >= from)),
        callupAcceptMedianS: speeds.get(u.id) ?? null,
        activeTeams: idx.sum('teams_active', u.path),
      });
    }
    return out;
  }
}

/** The first day the dashboard's index must hold: the series' first Monday (the rule's 8 weeks lie within it). */
export function dashboardFromDay(today: string): string {
  return addCalendarDays(mondayOf(today), -7 * (DASHBOARD_SERIES_WEEKS - 1));
}
