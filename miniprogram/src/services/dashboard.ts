import {
  apiPath,
  DASHBOARD_ROUTES,
  type DashboardResponse,
  type JoinRatePage,
  type MissingGuardPage,
  type OverdueApplicationPage,
  type StationWithoutTeamPage,
  type WeeklyRulePage,
} from '@jianghuai/shared';
import { get } from './http';

/** The bureau's view (docs/dashboard.md): the viewer's figures and the list behind each; admin-dashboard only. */
const quiet = { toast: false } as const;

/** A unit in the viewer's scope (none: the viewer's own) and a page of its list. */
export interface UnitPage {
  unitId?: number;
  page: number;
  pageSize: number;
}

export const dashboard = (unitId?: number) =>
  get<DashboardResponse>(DASHBOARD_ROUTES.adminDashboard, { unitId }, quiet);

export const joinRateRows = (q: UnitPage) => get<JoinRatePage>(DASHBOARD_ROUTES.adminJoinRate, { ...q }, quiet);

export const companyMissingGuards = (companyId: number, q: { page: number; pageSize: number }) =>
  get<MissingGuardPage>(apiPath(DASHBOARD_ROUTES.adminCompanyMissing, { id: companyId }), q, quiet);

export const certifiedMissingGuards = (q: UnitPage) =>
  get<MissingGuardPage>(DASHBOARD_ROUTES.adminCertifiedMissing, { ...q }, quiet);

export const stationsWithoutTeam = (q: UnitPage) =>
  get<StationWithoutTeamPage>(DASHBOARD_ROUTES.adminStationsWithoutTeam, { ...q }, quiet);

export const weeklyRuleStations = (q: UnitPage) =>
  get<WeeklyRulePage>(DASHBOARD_ROUTES.adminWeeklyRule, { ...q }, quiet);

export const overdueApplications = (q: UnitPage) =>
  get<OverdueApplicationPage>(DASHBOARD_ROUTES.adminOverdueApplications, { ...q }, quiet);
