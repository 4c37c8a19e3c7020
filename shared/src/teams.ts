import type { Page } from './api.js';

/** Teams (队伍, docs/product.md#teams): a station's standing groups of volunteers with a leader and members. */
export const TEAM_ROUTES = {
  adminTeams: '/admin/teams',
  adminTeam: '/admin/teams/:id',
  /** Stations in the viewer's scope without an active team (for the dashboard). */
  adminStationsWithoutActiveTeam: '/admin/teams/stations-without-active-team',
  /** The signed-in volunteer's teams (the member card, the leader's check-in code). */
  myTeams: '/me/teams',
} as const;

export const TEAM_KINDS = [
  'area_patrol',
  'safety_inspection',
  'emergency_response',
  'publicity',
  'mediation',
  'other',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  area_patrol: '区域巡逻组',
  safety_inspection: '安全巡查组',
  emergency_response: '应急处突组',
  publicity: '平安宣传组',
  mediation: '矛盾调解组',
  other: '其他',
};

/** A team is active with a leader, this many members and a settled activity within the window (days). */
export const TEAM_ACTIVE_MIN_MEMBERS = 3;
export const TEAM_ACTIVE_WINDOW_DAYS = 30;

/** Why a team is not active, each shown as a line under its name. */
export type TeamInactiveReason = 'no_leader' | 'too_few_members' | 'no_recent_activity';
export const TEAM_INACTIVE_REASON_LABELS: Record<TeamInactiveReason, string> = {
  no_leader: '未指定队长',
  too_few_members: `队员不足 ${TEAM_ACTIVE_MIN_MEMBERS} 人`,
  no_recent_activity: `近 ${TEAM_ACTIVE_WINDOW_DAYS} 天无已结算的队伍活动`,
};

export interface TeamRequest {
  name: string;
  kind: TeamKind;
  /** The station the team belongs to (in the viewer's scope); default the viewer's own unit. */
  stationId?: number;
  /** A community of the station, or null with a described grid in areaText. */
  communityId?: number | null;
  areaText?: string | null;
  /** An active volunteer of the station; null for none yet. */
  leaderVolunteerId?: number | null;
  /** Active volunteers of the station (the leader may be among them or not). */
  memberVolunteerIds: number[];
  duties?: string | null;
  rules?: string | null;
}

export interface TeamPerson {
  volunteerId: number;
  name: string;
  memberNo: string;
}

export interface TeamResponse {
  id: number;
  name: string;
  kind: TeamKind;
  kindLabel: string;
  station: { id: number; name: string };
  community: { id: number; name: string } | null;
  areaText: string | null;
  leader: TeamPerson | null;
  members: TeamPerson[];
  memberCount: number;
  duties: string | null;
  rules: string | null;
  active: boolean;
  inactiveReasons: TeamInactiveReason[];
  /** Settled activities of the team within the window. */
  recentSettledActivities: number;
  createdAt: string;
  updatedAt: string;
}
export type TeamPage = Page<TeamResponse>;

export interface TeamListQuery {
  stationId?: number;
  page?: number;
  pageSize?: number;
}

export interface StationWithoutActiveTeam {
  id: number;
  name: string;
  teamCount: number;
}

/** The team a volunteer belongs to, as their card shows it. */
export interface MyTeamSummary {
  id: number;
  name: string;
  kind: TeamKind;
  kindLabel: string;
  leaderName: string | null;
  isLeader: boolean;
}
