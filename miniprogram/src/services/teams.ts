import { TEAM_ROUTES, type MyTeamSummary } from '@jianghuai/shared';
import { get } from './http';

/** The signed-in volunteer's teams: the member card shows them, the leader's activity page offers the code. */
export const getMyTeams = () => get<MyTeamSummary[]>(TEAM_ROUTES.myTeams, undefined, { toast: false });
