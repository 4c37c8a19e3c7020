import type { Page } from './api.js';
import type { CompanyType } from './applications.js';
import type { OrgLevel, VolunteerTier } from './roles.js';
import type { TipStatus } from './tips.js';

/**
 * The bureau's view (工作看板, docs/dashboard.md): the viewer's figures (station, branch, city; the system
 * administrator sees the city) and the list behind each figure. Every route is scoped to the viewer's unit and
 * below; `unitId` (a unit in scope) narrows the view to that unit, another unit's id is a 404.
 */
export const DASHBOARD_ROUTES = {
  /** The viewer's figures (DashboardResponse); `?unitId=` for a unit below (a branch's or a station's view). */
  adminDashboard: '/admin/dashboard',
  /** Join rate of the child units of `?unitId=` (a station's companies), Page<JoinRateRow>. */
  adminJoinRate: '/admin/dashboard/join-rate',
  /** Roster guards of one company not yet volunteers (masked), Page<MissingGuardRow>. */
  adminCompanyMissing: '/admin/dashboard/companies/:id/missing',
  /** Certified roster guards under `?unitId=` not yet volunteers (masked), Page<MissingGuardRow>. */
  adminCertifiedMissing: '/admin/dashboard/certified-missing',
  /** Stations under `?unitId=` without an active team, Page<StationWithoutTeamRow>. */
  adminStationsWithoutTeam: '/admin/dashboard/stations-without-team',
  /** Each station under `?unitId=` with this week and the last 8 complete weeks, Page<WeeklyRuleStationRow>. */
  adminWeeklyRule: '/admin/dashboard/weekly-rule',
  /** Applications under `?unitId=` waiting past their review time, Page<OverdueApplicationRow>. */
  adminOverdueApplications: '/admin/dashboard/overdue-applications',
} as const;

/** Query of every dashboard route: a unit in the viewer's scope (default the viewer's own), and a page. */
export interface DashboardQuery {
  unitId?: number;
  page?: number;
  pageSize?: number;
}

/**
 * Targets in force when the city has configured none (the rules' own figures): 10,000 volunteers by 2022-06-30,
 * every certified guard by 2022-06-10, join rate ≥ 80 % in security companies and ≥ 60 % in self-recruiting and
 * property employers by 2022-05-15.
 */
export const DASHBOARD_DEFAULT_TARGETS = {
  volunteers: { target: 10_000, dueDate: '2022-06-30' },
  certifiedCoverage: { targetPct: 100, dueDate: '2022-06-10' },
  joinRate: {
    dueDate: '2022-05-15',
    targetPct: { security_company: 80, self_recruiting: 60, property: 60 } as Record<CompanyType, number>,
  },
} as const;

/** How many ISO weeks the volunteer series shows, and how many complete weeks the weekly rule looks back. */
export const DASHBOARD_SERIES_WEEKS = 12;
export const DASHBOARD_RULE_WEEKS = 8;

/** Roster guards and how many of them became volunteers; joinRate in percent (one decimal), null for no roster. */
export interface JoinFigures {
  rosterTotal: number;
  rosterJoined: number;
  joinRate: number | null;
}

/**
 * One unit's figures (the dashboard's rows per child unit, the stage report's and the ranking's input), as of a
 * Shanghai date. For a branch or the city the weekly rule counts its stations: weeklyRuleWeeksMet is the number of
 * (station, week) pairs that met the rule in the last 8 complete ISO weeks before asOf (of weeklyRuleStations × 8),
 * weeklyRuleThisWeek the stations that meet it in asOf's week; for a station they are its own weeks (0–8) and 0/1.
 */
export interface UnitFigures extends JoinFigures {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  /** Active volunteers of the unit and below at the end of asOf. */
  volunteers: number;
  joinRateByEmployerType: Record<CompanyType, JoinFigures>;
  weeklyRuleStations: number;
  weeklyRuleWeeksMet: number;
  weeklyRuleThisWeek: number;
  /** weeklyRuleWeeksMet / (weeklyRuleStations × 8) in percent (one decimal), null without stations. */
  weeklyRuleRate: number | null;
  /** Tips received by the unit and below in the period (from the given date, or ever, to asOf). */
  tipsCount: number;
  /** Median seconds from a call-up to a guard's acceptance; null while call-ups are not open (暂未开放). */
  callupAcceptMedianS: number | null;
  /** Active teams (the teams module's rule) of the unit and below, now. */
  activeTeams: number;
}

/** A figure against its target and due date; pct = value / target in percent (one decimal). */
export interface TargetFigure {
  value: number;
  target: number;
  dueDate: string;
  pct: number | null;
}

export interface WeeklySeriesPoint {
  /** ISO week, 2026-W48 (Asia/Shanghai). */
  week: string;
  /** Monday of the week, YYYY-MM-DD. */
  monday: string;
  joined: number;
  left: number;
  /** Active volunteers at the end of the week (or now, for the current week). */
  total: number;
}

export interface TierFigure {
  tier: VolunteerTier;
  label: string;
  count: number;
}

export interface EmployerTypeJoinFigure extends JoinFigures {
  type: CompanyType;
  label: string;
  targetPct: number;
  dueDate: string;
  /** The join rate reaches its target. */
  met: boolean;
}

export interface CertifiedCoverage {
  /** Roster guards holding a guard certificate. */
  certified: number;
  /** Of them, those who became volunteers. */
  joined: number;
  pct: number | null;
  targetPct: number;
  dueDate: string;
}

export interface WeeklyRuleWeek {
  week: string;
  /** Stations below the rule that week. */
  below: number;
  stations: number;
}

export interface WeeklyRuleSummary {
  /** Patrol activities a station needs each week (the activities module's rule). */
  minimum: number;
  thisWeek: WeeklyRuleWeek;
  /** The last 8 complete weeks, oldest first. */
  weeks: WeeklyRuleWeek[];
}

export interface TipStatusFigure {
  status: TipStatus;
  label: string;
  normal: number;
  urgent: number;
  total: number;
}

export interface PointsFigure {
  orgId: number;
  orgName: string;
  issued: number;
  redeemed: number;
  expired: number;
  /** Points held and not yet spent or expired (what the bureau still owes). */
  liability: number;
}

export interface DashboardResponse {
  unit: { id: number; name: string; level: OrgLevel };
  /** Shanghai date the figures are for (today). */
  asOf: string;
  /** The current ISO week. */
  week: string;
  volunteers: TargetFigure;
  certifiedCoverage: CertifiedCoverage;
  /** Last 12 ISO weeks, oldest first, the current week last. */
  weekly: WeeklySeriesPoint[];
  byTier: TierFigure[];
  /** Roster join rate of the unit with its overall figures and per employer type with the targets. */
  joinRate: JoinFigures;
  joinRateByEmployerType: EmployerTypeJoinFigure[];
  /** Child units: branches for the city, stations for a branch, communities for a station. */
  byUnit: UnitFigures[];
  stationsWithoutActiveTeam: number;
  weeklyRule: WeeklyRuleSummary;
  overdueApplications: number;
  tips: { byStatus: TipStatusFigure[]; total: number; urgent: number };
  /** Call-up response speed; available false (暂未开放) while call-ups are not built. */
  callups: { available: boolean; acceptMedianS: number | null };
  /** Points per branch (per station in a branch's view, the station itself in a station's view) and the total. */
  points: { byUnit: PointsFigure[]; total: Omit<PointsFigure, 'orgId' | 'orgName'> };
  /** When the summary tables were last brought up to date (ISO instant), null before the first run. */
  refreshedAt: string | null;
}

/** One row of the join-rate drill-down: a child unit, or a company under a station. */
export interface JoinRateRow extends JoinFigures {
  kind: 'unit' | 'company';
  id: number;
  name: string;
  /** For a unit row. */
  level: OrgLevel | null;
  /** For a company row. */
  companyType: CompanyType | null;
  companyTypeLabel: string | null;
  /** The target of the company's type (percent); for a unit the lowest target not met by one of its types, null. */
  targetPct: number | null;
}
export type JoinRatePage = Page<JoinRateRow> & { unit: { id: number; name: string; level: OrgLevel } };

/** A roster guard not yet a volunteer, masked (姓名 张*, ID 3401**********1234, phone 138****5678). */
export interface MissingGuardRow {
  rosterId: number;
  name: string;
  idNumber: string;
  phone: string | null;
  company: { id: number; name: string };
  hasCertificate: boolean;
}
export type MissingGuardPage = Page<MissingGuardRow>;

export interface StationWithoutTeamRow {
  stationId: number;
  name: string;
  branch: { id: number; name: string } | null;
  /** Teams the station has (none of them active). */
  teams: number;
}
export type StationWithoutTeamPage = Page<StationWithoutTeamRow>;

export interface WeeklyRuleStationRow {
  stationId: number;
  name: string;
  branch: { id: number; name: string } | null;
  /** Patrol activities this week, and whether that meets the rule. */
  thisWeek: number;
  thisWeekMet: boolean;
  /** The last 8 complete weeks, oldest first. */
  weeks: { week: string; count: number; met: boolean }[];
  weeksMet: number;
}
export type WeeklyRulePage = Page<WeeklyRuleStationRow> & { minimum: number; week: string };

export interface OverdueApplicationRow {
  id: number;
  /** Masked applicant name. */
  name: string;
  status: 'pending_review' | 'pending_approval';
  statusLabel: string;
  org: { id: number; name: string };
  submittedAt: string;
  /** When the review time ran out (ISO instant), and whole days past it. */
  dueAt: string;
  overdueDays: number;
}
export type OverdueApplicationPage = Page<OverdueApplicationRow>;

/** Percent with one decimal, null for a zero denominator. */
export function percentOf(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part * 1000) / whole) / 10;
}
