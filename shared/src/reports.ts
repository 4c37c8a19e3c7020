import type { OrgLevel } from './roles.js';

/**
 * Targets, stage reports (阶段工作情况) and the ranking (晒比通报) — docs/reports.md. The city sets the targets and
 * their due dates, defines the stages, compiles and exports the stage report and publishes the ranking; branches and
 * stations write their own narrative for a stage; every dashboard reader reads targets and rankings.
 */
export const REPORT_ROUTES = {
  /** GET: the current value and due date of every target (`TargetResponse[]`); POST `SetTargetRequest` (city). */
  adminTargets: '/admin/targets',
  /** GET: every value a target has had, newest first (`TargetHistoryEntry[]`). */
  adminTargetHistory: '/admin/targets/:key/history',
  /** GET: the stages, newest due date first, with the viewer's submission counts; POST `StageRequest` (city). */
  adminStages: '/admin/report-stages',
  /** GET: one stage with the submitted, late and missing units in the viewer's scope (`StageDetail`). */
  adminStage: '/admin/report-stages/:id',
  /** GET: the narratives of the stage in the viewer's scope (own unit and below). */
  adminStageNarratives: '/admin/report-stages/:id/narratives',
  /** GET: one unit's narrative for the stage (404 outside the viewer's scope or not written yet). */
  adminStageNarrative: '/admin/report-stages/:id/narratives/:orgId',
  /** GET: the viewer's own unit's narrative (`MyNarrative`); PUT `NarrativeRequest` writes or rewrites it. */
  adminStageMyNarrative: '/admin/report-stages/:id/my-narrative',
  /** GET: the compiled report (city): the figures as of the due date per branch and station, the narratives. */
  adminStageCompile: '/admin/report-stages/:id/compile',
  /** GET: the compiled report as .xlsx: a summary sheet, one sheet per branch, the late and missing units (city). */
  adminStageExport: '/admin/report-stages/:id/export',
  /** GET: published rankings, newest first (`Page<RankingSummary>`); POST `RankingPublishRequest` publishes (city). */
  adminRankings: '/admin/rankings',
  /** GET: the newest published ranking (`RankingResponse`; 404 before the first). */
  adminRankingLatest: '/admin/rankings/latest',
  /** GET: one published ranking. */
  adminRanking: '/admin/rankings/:id',
  /** GET: one published ranking as .xlsx (a sheet for branches, one for stations). */
  adminRankingExport: '/admin/rankings/:id/export',
} as const;

// ── targets ──────────────────────────────────────────────────────────────────────────────────

export const TARGET_KEYS = [
  'volunteers_total',
  'join_rate_security_company',
  'join_rate_self_employed',
  'join_rate_property',
  'certified_coverage',
  'active_team_per_station',
  'weekly_patrols',
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/** `count`: a whole number; `percent`: a percentage 0–100 (one decimal at most), as the dashboard shows rates. */
export type TargetUnit = 'count' | 'percent';

export interface TargetDefinition {
  label: string;
  unit: TargetUnit;
  /** What the value counts, shown after a count (人, 支, 次). */
  unitLabel: string;
  /** The value when the city has set none. */
  defaultValue: number;
  /** The due date when the city has set none (YYYY-MM-DD, Shanghai); null for a standing rule. */
  defaultDueDate: string | null;
}

/** The targets of docs/product.md#targets, with the defaults in force until the city sets its own. */
export const TARGETS: Record<TargetKey, TargetDefinition> = {
  volunteers_total: {
    label: '义警总人数',
    unit: 'count',
    unitLabel: '人',
    defaultValue: 10000,
    defaultDueDate: '2022-06-30',
  },
  join_rate_security_company: {
    label: '保安公司入会率',
    unit: 'percent',
    unitLabel: '%',
    defaultValue: 80,
    defaultDueDate: '2022-05-15',
  },
  join_rate_self_employed: {
    label: '自招保安单位入会率',
    unit: 'percent',
    unitLabel: '%',
    defaultValue: 60,
    defaultDueDate: '2022-05-15',
  },
  join_rate_property: {
    label: '物业单位入会率',
    unit: 'percent',
    unitLabel: '%',
    defaultValue: 60,
    defaultDueDate: '2022-05-15',
  },
  certified_coverage: {
    label: '持证保安员入会覆盖率',
    unit: 'percent',
    unitLabel: '%',
    defaultValue: 100,
    defaultDueDate: '2022-06-10',
  },
  active_team_per_station: {
    label: '每个派出所的活跃队伍',
    unit: 'count',
    unitLabel: '支',
    defaultValue: 1,
    defaultDueDate: null,
  },
  weekly_patrols: {
    label: '每个派出所每周巡逻活动',
    unit: 'count',
    unitLabel: '次',
    defaultValue: 1,
    defaultDueDate: null,
  },
};

/** The largest count target accepted (a typing slip of extra zeros is refused). */
export const TARGET_MAX_COUNT = 1_000_000;
export const TARGET_NOTE_MAX = 200;

export interface SetTargetRequest {
  key: TargetKey;
  /** A count (whole number) or a percentage 0–100 (one decimal at most). */
  value: number;
  /** YYYY-MM-DD (Shanghai), or null for a standing rule. */
  dueDate: string | null;
  /** Why it changed (the instruction it follows). */
  note?: string | null;
}

export interface TargetResponse {
  key: TargetKey;
  label: string;
  unit: TargetUnit;
  unitLabel: string;
  value: number;
  dueDate: string | null;
  /** True while the city has not set this target (the default applies). */
  isDefault: boolean;
  setByName: string | null;
  /** ISO instant of the change in force. */
  setAt: string | null;
  note: string | null;
}

export interface TargetHistoryEntry {
  id: number;
  key: TargetKey;
  value: number;
  dueDate: string | null;
  setByName: string;
  setAt: string;
  note: string | null;
}

// ── stage reports (阶段工作情况) ─────────────────────────────────────────────────────────────

export const STAGE_NAME_MAX = 50;
export const STAGE_NOTE_MAX = 500;
export const NARRATIVE_MAX = 3000;

export interface StageRequest {
  /** e.g. 第一阶段（5月15日） */
  name: string;
  /** YYYY-MM-DD (Shanghai): a narrative submitted on a later Shanghai date is late. */
  dueDate: string;
  /** What the units should write about. */
  note?: string | null;
}

export interface StageResponse {
  id: number;
  name: string;
  dueDate: string;
  note: string | null;
  createdByName: string;
  createdAt: string;
  /** True once the due date has passed (today in Shanghai is later). */
  pastDue: boolean;
  /** Branches and stations in the viewer's scope expected to write (the viewer's own unit included). */
  expectedCount: number;
  submittedCount: number;
  lateCount: number;
  missingCount: number;
}

/** A branch or station expected to write a narrative. */
export interface StageSubmitter {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  /** The branch a station belongs to (null for a branch). */
  branchName: string | null;
  /** ISO instant of the first submission, null while missing. */
  submittedAt: string | null;
  /** Shanghai date of the first submission. */
  submittedOn: string | null;
  late: boolean;
}

export interface NarrativeRequest {
  text: string;
}

export interface NarrativeResponse {
  stageId: number;
  orgId: number;
  orgName: string;
  level: OrgLevel;
  branchName: string | null;
  text: string;
  /** First submission (decides lateness) and the last change, ISO instants. */
  submittedAt: string;
  submittedOn: string;
  updatedAt: string;
  /** Submitted on a Shanghai date after the stage's due date. */
  late: boolean;
  /** Rewritten on a Shanghai date after the due date (the first submission was in time). */
  editedAfterDue: boolean;
  submittedByName: string;
  updatedByName: string;
}

export interface StageDetail {
  stage: StageResponse;
  /** Every expected unit in the viewer's scope, branches first then stations in tree order. */
  submitters: StageSubmitter[];
  late: StageSubmitter[];
  missing: StageSubmitter[];
}

export interface MyNarrative {
  stage: StageResponse;
  /** The viewer's unit (a branch or station writes; others read only). */
  orgId: number | null;
  orgName: string | null;
  canWrite: boolean;
  narrative: NarrativeResponse | null;
}

/** The figures of one unit in a compiled report (from the dashboard's figures as of the due date). */
export interface ReportFigures {
  volunteers: number;
  rosterTotal: number;
  rosterJoined: number;
  /** Percent (one decimal), null without a roster. */
  joinRate: number | null;
  /** Stations counted by the weekly patrol rule (1 for a station). */
  weeklyRuleStations: number;
  /** (station, week) pairs that met the rule in the last 8 complete weeks before the due date. */
  weeklyRuleWeeksMet: number;
  /** Stations meeting the rule in the due date's week. */
  weeklyRuleThisWeek: number;
  /** weeklyRuleWeeksMet / (weeklyRuleStations × 8) in percent, null without stations. */
  weeklyRuleRate: number | null;
  tipsCount: number;
  /** Median seconds to accept a call-up; null while call-ups are not open (暂未开放). */
  callupAcceptMedianS: number | null;
  activeTeams: number;
}

export interface CompiledUnit {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  figures: ReportFigures;
  narrative: NarrativeResponse | null;
}

export interface CompiledBranch extends CompiledUnit {
  stations: CompiledUnit[];
}

export interface CompiledStageReport {
  stage: StageResponse;
  /** The date the figures are taken at: the stage's due date. */
  asOf: string;
  /** ISO instant of compiling. */
  compiledAt: string;
  city: CompiledUnit | null;
  branches: CompiledBranch[];
  /** The targets in force when compiled, to read the figures against. */
  targets: TargetResponse[];
  late: StageSubmitter[];
  missing: StageSubmitter[];
}

// ── ranking (晒比通报) ───────────────────────────────────────────────────────────────────────

export const RANKING_METRICS = ['joinRate', 'weeklyRule', 'tips', 'responseSpeed'] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];
export const RANKING_METRIC_LABELS: Record<RankingMetric, string> = {
  joinRate: '入会率',
  weeklyRule: '每周巡逻达标',
  tips: '情报线索',
  responseSpeed: '召集响应速度',
};
/** Shown for response speed while call-ups are not open. */
export const RESPONSE_SPEED_UNAVAILABLE = '暂未开放';
export const RANKING_TITLE_MAX = 50;

export interface RankingPublishRequest {
  /** e.g. 2026年第48周晒比通报 */
  title: string;
  /** YYYY-MM-DD (Shanghai), inclusive; the figures are taken as of periodEnd (not later than today). */
  periodStart: string;
  periodEnd: string;
  note?: string | null;
}

/** One metric of one unit: value, rank (ties share a rank: 1, 1, 3), the previous publication's rank. */
export interface RankingCell {
  /** joinRate and weeklyRule in percent; tips a count (in the period); responseSpeed median seconds. */
  value: number | null;
  /** Null when the unit has no value (not ranked). */
  rank: number | null;
  previousRank: number | null;
  /** previousRank − rank: positive = moved up (↑), negative = down (↓), 0 = same; null when either is missing. */
  change: number | null;
}

export interface RankingRow {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  branchName: string | null;
  /** Ranked by the sum of the unit's metric ranks (smaller is better). */
  overall: RankingCell;
  joinRate: RankingCell;
  weeklyRule: RankingCell;
  tips: RankingCell;
  responseSpeed: RankingCell;
  /** The viewer's own unit (highlighted). */
  isOwn: boolean;
}

export interface RankingSummary {
  id: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  publishedByName: string;
}

export interface RankingResponse extends RankingSummary {
  note: string | null;
  /** The publication the previous ranks come from (null for the first). */
  previousId: number | null;
  previousTitle: string | null;
  /** False while call-ups are not open: response speed shows 暂未开放 and counts in no rank. */
  responseSpeedAvailable: boolean;
  /** In overall rank order. */
  branches: RankingRow[];
  stations: RankingRow[];
}

/** Competition ranking (1, 1, 3) of `items` by `value`, in the items' order; a null value is not ranked. */
export function competitionRanks<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  higherIsBetter: boolean,
): (number | null)[] {
  const ranked = items
    .map((item, i) => ({ i, v: value(item) }))
    .filter((x): x is { i: number; v: number } => x.v !== null)
    .sort((a, b) => (higherIsBetter ? b.v - a.v : a.v - b.v));
  const ranks: (number | null)[] = items.map(() => null);
  ranked.forEach((x, pos) => {
    const prev = ranked[pos - 1];
    ranks[x.i] = prev && prev.v === x.v ? ranks[prev.i] : pos + 1;
  });
  return ranks;
}

/** How a rank moved since the previous publication (↑2, ↓1, —, 新). */
export function rankChangeLabel(cell: RankingCell): string {
  if (cell.rank === null) return '';
  if (cell.previousRank === null) return '新';
  const change = cell.previousRank - cell.rank;
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '—';
}
