import { addCalendarDays, isoWeekOf, startOfBusinessDay, type OrgLevel } from '@jianghuai/shared';

/** One summary figure (a row of `stats_counters`). */
export interface CounterRow {
  kind: CounterKind;
  refId: number;
  dim: string;
  day: string;
  value: number;
}

/**
 * The figures kept (docs/dashboard.md#summary-tables). Current-state kinds have day ''; day kinds one row per unit and
 * Shanghai business day. refId is a station for vol/joined/left/teams*, the publishing or responsible unit for
 * patrols, attendance and tips kinds, the review unit for apps_overdue, a company for roster, a station for roster_st and the
 * issuing unit for pts_*.
 */
export const COUNTER_KINDS = [
  'vol',
  'joined',
  'left',
  'patrols',
  'attendance',
  'attendance_min',
  'roster',
  'roster_st',
  'tips',
  'tips_day',
  'teams',
  'teams_active',
  'apps_overdue',
  'pts_issued',
  'pts_redeemed',
  'pts_expired',
  'pts_liability',
  'joined_wk',
  'left_wk',
  'patrols_wk',
  'tips_wk',
] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

/**
 * The day kinds the dashboard reads by week, and their week kind: the same figure summed per unit and ISO week (day =
 * the week's Monday), kept beside the day rows so a request reads units × weeks rows whatever the density of the days.
 */
export const WEEK_KIND_OF = {
  joined: 'joined_wk',
  left: 'left_wk',
  patrols: 'patrols_wk',
  tips_day: 'tips_wk',
} as const satisfies Partial<Record<CounterKind, CounterKind>>;

/** The week row a day row adds to (its week kind, day = the Monday of its week); null for kinds kept by day only. */
export function weekRowOf(row: CounterRow): CounterRow | null {
  const kind = (WEEK_KIND_OF as Partial<Record<CounterKind, CounterKind>>)[row.kind];
  return kind && row.day ? { ...row, kind, day: mondayOf(row.day) } : null;
}

export const ROSTER_MEASURES = ['total', 'joined', 'certified', 'certified_joined'] as const;
export type RosterMeasure = (typeof ROSTER_MEASURES)[number];

export function counterKey(r: Pick<CounterRow, 'kind' | 'refId' | 'dim' | 'day'>): string {
  return `${r.kind}|${r.refId}|${r.dim}|${r.day}`;
}

/** Adds `value` to the row with that key (rows with the same key from several sources are summed). */
export function addTo(map: Map<string, CounterRow>, row: CounterRow): void {
  if (!row.value) return;
  const key = counterKey(row);
  const had = map.get(key);
  if (had) had.value += row.value;
  else map.set(key, { ...row });
}

export interface UnitNode {
  id: number;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  path: string;
}

/** Monday (YYYY-MM-DD) of the ISO week a business day falls in. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addCalendarDays(day, -weekday);
}

/** ISO week (YYYY-Www) of a Shanghai business day. */
export function weekOfDay(day: string): string {
  return isoWeekOf(startOfBusinessDay(day));
}

/**
 * The summary rows read for one request, with the org tree, so a unit's figure is the sum over the rows of the units in
 * its subtree: nothing here reads the raw tables.
 */
export class SummaryIndex {
  private readonly byId: Map<number, UnitNode>;
  /** Rows per kind with their unit's path resolved once (rows of unknown units dropped). */
  private readonly byKind = new Map<CounterKind, (CounterRow & { path: string })[]>();
  private patrols: Map<number, Map<string, number>> | null = null;

  constructor(
    readonly units: UnitNode[],
    rows: readonly CounterRow[],
  ) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const r of rows) {
      const u = this.byId.get(r.refId);
      if (!u) continue;
      let list = this.byKind.get(r.kind);
      if (!list) this.byKind.set(r.kind, (list = []));
      // a literal of one shape, not a spread: thousands of rows per request
      list.push({ kind: r.kind, refId: r.refId, dim: r.dim, day: r.day, value: r.value, path: u.path });
    }
  }

  unit(id: number): UnitNode | undefined {
    return this.byId.get(id);
  }

  children(id: number): UnitNode[] {
    return this.units.filter((u) => u.parentId === id).sort((a, b) => a.id - b.id);
  }

  stationsUnder(path: string): UnitNode[] {
    return this.units.filter((u) => u.level === 'station' && u.path.startsWith(path)).sort((a, b) => a.id - b.id);
  }

  rows(kind: CounterKind): (CounterRow & { path: string })[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Sum of a kind over the units under `path`, filtered by dim and day. */
  sum(kind: CounterKind, path: string, filter: (r: CounterRow) => boolean = () => true): number {
    let total = 0;
    for (const r of this.rows(kind)) if (r.path.startsWith(path) && filter(r)) total += r.value;
    return total;
  }

  /** Active volunteers under `path` at the end of business day `asOf` (now minus what changed after it). */
  volunteersAt(path: string, asOf: string | null): number {
    const now = this.sum('vol', path);
    if (!asOf) return now;
    const after = (r: CounterRow) => r.day > asOf;
    return now - this.sum('joined', path, after) + this.sum('left', path, after);
  }

  /** Weekly-rule activities of one station (its own and its communities') per ISO week. */
  patrolWeeks(stationId: number): Map<string, number> {
    if (!this.patrols) {
      this.patrols = new Map();
      for (const r of this.rows('patrols')) {
        const station = this.stationOf(r.refId);
        if (station === null) continue;
        const weeks = this.patrols.get(station) ?? new Map<string, number>();
        const w = weekOfDay(r.day);
        weeks.set(w, (weeks.get(w) ?? 0) + r.value);
        this.patrols.set(station, weeks);
      }
    }
    return this.patrols.get(stationId) ?? new Map();
  }

  /** The station a unit belongs to (itself, or a community's parent); null above the stations. */
  stationOf(unitId: number): number | null {
    const u = this.byId.get(unitId);
    if (!u) return null;
    if (u.level === 'station') return u.id;
    if (u.level === 'community' && u.parentId)
      return this.byId.get(u.parentId)?.level === 'station' ? u.parentId : null;
    return null;
  }
}

/** The ISO weeks of the `count` complete weeks before the week of `asOf`, oldest first, and asOf's week. */
export function ruleWeeks(asOf: string, count: number): { thisWeek: string; weeks: string[]; from: string } {
  const monday = mondayOf(asOf);
  const weeks: string[] = [];
  for (let i = count; i >= 1; i--) weeks.push(weekOfDay(addCalendarDays(monday, -7 * i)));
  return { thisWeek: weekOfDay(asOf), weeks, from: addCalendarDays(monday, -7 * count) };
}
