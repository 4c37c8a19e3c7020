import {
  apiPath,
  ENROLMENT_ROUTES,
  TEAM_ROUTES,
  type Page,
  type TeamListQuery,
  type TeamPage,
  type TeamRequest,
  type TeamResponse,
  type VolunteerListItem,
} from '@jianghuai/shared';
import { get, http, post } from './http';

/** A station's teams (staff); imported only by the admin-teams sub-package. */
type Q = Record<string, string | number | boolean | undefined>;
const quiet = { toast: false } as const;

export const listTeams = (q: TeamListQuery) => get<TeamPage>(TEAM_ROUTES.adminTeams, q as Q, quiet);
export const getTeam = (id: number) => get<TeamResponse>(apiPath(TEAM_ROUTES.adminTeam, { id }), undefined, quiet);
export const createTeam = (body: TeamRequest) => post<TeamResponse>(TEAM_ROUTES.adminTeams, body, quiet);
export const updateTeam = (id: number, body: TeamRequest) =>
  http.request<TeamResponse>('PUT', apiPath(TEAM_ROUTES.adminTeam, { id }), { body, toast: false });

/** Active volunteers of one station whose name matches, for the leader and member pickers. */
export const searchStationVolunteers = (stationId: number, q: string, page = 1) =>
  get<Page<VolunteerListItem>>(
    ENROLMENT_ROUTES.adminVolunteers,
    { orgUnitId: stationId, status: 'active', q: q || undefined, page, pageSize: 20 },
    quiet,
  );
