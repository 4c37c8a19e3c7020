import type { Page } from './api.js';
import type { Skill, VolunteerTier } from './roles.js';
import { addCalendarDays, businessDate, DEFAULT_TIME_ZONE, startOfBusinessDay } from './dates.js';

/**
 * Activities (docs/product.md#activities): types, lifecycle, sign-up, check-in, attendance — the contract between
 * the server and the mini-program, plus the pure rules both sides use (geofence, service time,
 * points, ISO week). Route paths are relative to `/api`; `:id` is the activity id.
 */
export const ACTIVITY_ROUTES = {
  // volunteer
  list: '/activities',
  detail: '/activities/:id',
  signUp: '/activities/:id/signup',
  cancelSignUp: '/activities/:id/signup/cancel',
  checkIn: '/activities/:id/checkin',
  checkOut: '/activities/:id/checkout',
  mine: '/me/activities',
  myStats: '/me/activity-stats',
  propose: '/activity-proposals',
  myProposals: '/me/activity-proposals',
  // staff
  adminList: '/admin/activities',
  adminCreate: '/admin/activities',
  adminDetail: '/admin/activities/:id',
  adminUpdate: '/admin/activities/:id',
  publish: '/admin/activities/:id/publish',
  cancel: '/admin/activities/:id/cancel',
  settle: '/admin/activities/:id/settle',
  approveProposal: '/admin/activities/:id/approve-proposal',
  rejectProposal: '/admin/activities/:id/reject-proposal',
  signups: '/admin/activities/:id/signups',
  reviewSignups: '/admin/activities/:id/signups/review',
  qrToken: '/admin/activities/:id/qr',
  /** The team leader's check-in code for an activity of their team (a volunteer route). */
  teamQrToken: '/activities/:id/team-qr',
  confirmAttendance: '/admin/activities/:id/attendance',
  weeklyRule: '/admin/activity-weekly-rule',
  /** Known places in the officer's scope for an activity's place (the H5 form's search). */
  places: '/admin/activity-places',
} as const;

export const ACTIVITY_TYPES = [
  'street_patrol',
  'major_event_security',
  'cultural_sports_security',
  'traffic_order',
  'safety_publicity',
  'dispute_resolution',
  'epidemic_control',
  'disaster_relief',
  'emergency_response',
  'training_drill',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  street_patrol: '街面巡逻',
  major_event_security: '大型活动安保',
  cultural_sports_security: '文体活动安保',
  traffic_order: '交通秩序维护',
  safety_publicity: '平安宣传',
  dispute_resolution: '矛盾纠纷排查化解',
  epidemic_control: '疫情防控',
  disaster_relief: '抢险救灾',
  emergency_response: '应急处突',
  training_drill: '培训演练',
  other: '其他',
};
/** Types that are high-risk unless the publisher says otherwise (docs/product.md#activities: 抢险救灾, 疫情防控 …). */
export const DEFAULT_HIGH_RISK_TYPES: readonly ActivityType[] = [
  'disaster_relief',
  'epidemic_control',
  'emergency_response',
];
/** Types that count for the weekly rule (每所每周至少一次巡逻防范活动). */
export const WEEKLY_RULE_TYPES: readonly ActivityType[] = ['street_patrol', 'safety_publicity'];

export const ACTIVITY_STATUSES = ['draft', 'published', 'ongoing', 'finished', 'settled', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '报名中',
  ongoing: '进行中',
  finished: '已结束',
  settled: '已结算',
  cancelled: '已取消',
};

export const ACTIVITY_MODES = ['daily', 'immediate', 'wartime'] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];
export const ACTIVITY_MODE_LABELS: Record<ActivityMode, string> = { daily: '日常', immediate: '即时', wartime: '战时' };

export const RISK_LEVELS = ['normal', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SIGNUP_MODES = ['instant', 'officer_confirmed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export const POINTS_RULES = ['per_hour', 'per_activity'] as const;
export type PointsRule = (typeof POINTS_RULES)[number];

export const SIGNUP_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  pending: '待民警确认',
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消',
  rejected: '未通过',
};

export const ATTENDANCE_STATUSES = ['unconfirmed', 'confirmed', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export type ProposalStatus = 'pending' | 'approved' | 'rejected';
export type CheckinMethod = 'location' | 'qr';

export interface ActivityRequirements {
  /** Every listed skill is needed. */
  skills: Skill[];
  /** Allowed tiers; empty = any. */
  tiers: VolunteerTier[];
  minAge: number | null;
  maxAge: number | null;
  /** Valid accident insurance needed even when not high-risk. */
  requiresInsurance: boolean;
}

export interface ActivityLocation {
  address: string;
  lat: number;
  lng: number;
  /** Check-in radius in metres (default 300). */
  radiusM: number;
}

/** Body of POST /admin/activities and POST /activity-proposals; PUT /admin/activities/:id takes any subset. */
export interface ActivityInput {
  title: string;
  type: ActivityType;
  description: string;
  location: ActivityLocation;
  /** ISO date-times. */
  startAt: string;
  endAt: string;
  /** Defaults to startAt. */
  signupDeadline?: string;
  /** Until when a volunteer may cancel; defaults to startAt. */
  cancelDeadline?: string;
  capacity: number;
  /** Below it at the sign-up deadline, the publisher is warned. 0 = none. */
  minHeadcount?: number;
  requirements?: Partial<ActivityRequirements>;
  /** Defaults to high for DEFAULT_HIGH_RISK_TYPES. */
  riskLevel?: RiskLevel;
  pointsRule: PointsRule;
  /** Points per hour or per activity before the mode / proposal factors. */
  pointsAmount: number;
  /** Omitted: war-time inside an active war-time area (docs/callups.md#war-time), else daily. */
  mode?: ActivityMode;
  signupMode: SignupMode;
  /** Station (or community) that publishes it; staff default to their own unit. Proposals: the station. */
  orgUnitId?: number;
  /** Limited to one team of the publishing station (docs/product.md#teams); null or absent: open to all. */
  teamId?: number | null;
}
export type CreateActivityRequest = ActivityInput;
export type UpdateActivityRequest = Partial<Omit<ActivityInput, 'orgUnitId'>>;
export type ProposeActivityRequest = ActivityInput;

export interface ActivityResponse {
  id: number;
  title: string;
  type: ActivityType;
  typeLabel: string;
  description: string;
  orgUnit: { id: number; name: string };
  location: ActivityLocation;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  cancelDeadline: string;
  capacity: number;
  confirmedCount: number;
  /** Places left (never negative). */
  placesLeft: number;
  waitlistCount: number;
  minHeadcount: number;
  requirements: ActivityRequirements;
  riskLevel: RiskLevel;
  pointsRule: PointsRule;
  pointsAmount: number;
  /** mode × proposal factor in percent (100 = ×1, 200 = ×2 战时, 80 = ×0.8 proposal). */
  pointsFactorPct: number;
  /** What a volunteer earns for the whole activity (per activity) or per hour, after factors. */
  effectivePoints: number;
  mode: ActivityMode;
  signupMode: SignupMode;
  status: ActivityStatus;
  proposal: { status: ProposalStatus; proposedBy: string; rejectReason: string | null } | null;
  cancelReason: string | null;
  /** The team it is limited to, or null. */
  teamId: number | null;
  /** Distance from the caller's position when `lat`/`lng` were given to the list. */
  distanceM: number | null;
  /** The caller's own sign-up, for volunteers. */
  mySignup: MySignupResponse | null;
  createdAt: string;
}

export interface MySignupResponse {
  id: number;
  activityId: number;
  status: SignupStatus;
  /** 1-based place on the waitlist while `waitlisted`. */
  waitlistPosition: number | null;
  checkinAt: string | null;
  checkinMethod: CheckinMethod | null;
  checkoutAt: string | null;
  autoCheckedOut: boolean;
  /** Service minutes from check-in/out (overlap with the activity window). */
  checkedMinutes: number | null;
  attendance: AttendanceStatus;
  /** Minutes confirmed by staff (checked + hand-added); locked once confirmed. */
  confirmedMinutes: number | null;
  manualMinutes: number;
  pointsAwarded: number;
  createdAt: string;
}

export interface MyActivityResponse extends MySignupResponse {
  activity: {
    id: number;
    title: string;
    type: ActivityType;
    startAt: string;
    endAt: string;
    status: ActivityStatus;
    address: string;
  };
}

export interface MyActivityStatsResponse {
  signedUp: number;
  attended: number;
  noShows: number;
  serviceMinutes: number;
}

/** 我的活动: the person's sign-ups; with from/to only those of activities taking place on those days. */
export interface MyActivityListQuery {
  page?: number;
  pageSize?: number;
  /** YYYY-MM-DD (Asia/Shanghai), inclusive. */
  from?: string;
  to?: string;
}

export interface ActivityListQuery {
  page?: number;
  pageSize?: number;
  stationId?: number;
  type?: ActivityType;
  /** YYYY-MM-DD (Asia/Shanghai), inclusive. */
  from?: string;
  to?: string;
  /** Caller's position: adds `distanceM`; with withinKm, only activities that close. */
  lat?: number;
  lng?: number;
  withinKm?: number;
}

export interface AdminActivityListQuery extends Omit<ActivityListQuery, 'lat' | 'lng' | 'withinKm'> {
  status?: ActivityStatus;
  proposal?: ProposalStatus;
}

export type ActivityPage = Page<ActivityResponse>;

export interface CancelActivityRequest {
  reason: string;
}
export interface RejectProposalRequest {
  reason: string;
}

export interface CheckinRequest {
  method: CheckinMethod;
  /** location: the phone's position and its reported accuracy in metres. */
  lat?: number;
  lng?: number;
  accuracy?: number;
  /** qr: the scanned token. */
  token?: string;
}

export interface CheckoutRequest {
  lat?: number;
  lng?: number;
}

export interface QrTokenResponse {
  token: string;
  /** The token rotates every slotSeconds; show the new one at refreshAt. */
  slotSeconds: number;
  refreshAt: string;
}

export interface SignupAdminResponse extends MySignupResponse {
  volunteer: { id: number; memberNo: string; name: string; tier: VolunteerTier };
  checkinDistanceM: number | null;
  manualNote: string | null;
  /** Auto check-out or hand-added minutes: needs a look before confirming. */
  flagged: boolean;
  /** Checked in but not (yet) checked out. */
  notCheckedOut: boolean;
  /** Checked out with 0 minutes of service time. */
  zeroMinutes: boolean;
  /** For a row not checked out: the overlap from check-in up to the activity end, for the officer to accept or change. */
  proposedMinutes: number | null;
}

export interface SignupListQuery {
  status?: SignupStatus;
  page?: number;
  pageSize?: number;
}

export interface ReviewSignupsRequest {
  signupIds: number[];
  decision: 'confirm' | 'reject';
}
export interface ReviewSignupsResponse {
  confirmed: number[];
  rejected: number[];
  /** Not confirmed because the activity is full. */
  full: number[];
  /** Not pending (already handled) or not of this activity. */
  skipped: number[];
}

export interface AttendanceItem {
  signupId: number;
  present: boolean;
  /** Minutes added by hand (kept apart from checked-in time and marked); needs manualNote. */
  manualMinutes?: number;
  manualNote?: string;
  /**
   * Checked in but never out: count the overlap from check-in up to the end (recorded like the
   * automatic check-out and flagged). Without it, or manualMinutes, such a row is refused
   * (ATTENDANCE_NOT_CHECKED_OUT) instead of locking 0 minutes.
   */
  checkoutAtEnd?: boolean;
}
export interface ConfirmAttendanceRequest {
  items: AttendanceItem[];
}
export interface ConfirmAttendanceResponse {
  confirmed: { signupId: number; minutes: number; points: number }[];
  absent: number[];
  /** Already decided earlier: nothing changed (confirming twice credits once). */
  unchanged: number[];
}

export interface WeeklyRuleQuery {
  /** ISO week like 2026-W48 (Asia/Shanghai); default the current week. */
  week?: string;
}
export interface WeeklyRuleResponse {
  week: string;
  from: string;
  to: string;
  minimum: number;
  stations: { stationId: number; name: string; count: number; belowRule: boolean }[];
  belowCount: number;
}

// ── pure rules ──

/** Geofence with the phone's accuracy: inside when distance ≤ radius + min(accuracy, cap). */
export function isInsideCheckinArea(
  distanceM: number,
  radiusM: number,
  accuracyM: number,
  accuracyCapM: number,
): boolean {
  const credit = Math.max(0, Math.min(Number.isFinite(accuracyM) ? accuracyM : accuracyCapM, accuracyCapM));
  return distanceM <= radiusM + credit;
}

/** Whole minutes of overlap between [a0, a1] and [b0, b1] (0 when they do not overlap). */
export function overlapMinutes(a0: Date, a1: Date, b0: Date, b1: Date): number {
  const start = Math.max(a0.getTime(), b0.getTime());
  const end = Math.min(a1.getTime(), b1.getTime());
  return end > start ? Math.floor((end - start) / 60_000) : 0;
}

/** Integer points for one attendance: per hour pro rata (floored) or flat, times the factor. */
export function attendancePoints(rule: PointsRule, amount: number, minutes: number, factorPct: number): number {
  const base = rule === 'per_activity' ? amount : (amount * minutes) / 60;
  return Math.max(0, Math.floor((base * factorPct) / 100 + 1e-9));
}

/** ISO week (YYYY-Www) of an instant, by its business date in `zone` (Asia/Shanghai). */
export function isoWeekOf(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const local = new Date(`${businessDate(at, zone)}T00:00:00Z`);
  const day = (local.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day + 3));
  const year = thursday.getUTCFullYear();
  // The week's Thursday lies in its ISO year; its 0-based day of that year / 7 is the week index.
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** [Monday 00:00, next Monday 00:00) of an ISO week in `zone` (Asia/Shanghai), as UTC instants; null if malformed. */
export function isoWeekRange(week: string, zone: string = DEFAULT_TIME_ZONE): { from: Date; to: Date } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const w = Number(m[2]);
  if (w < 1 || w > 53) return null;
  // 4 January is always in week 1; its weekday (0 = Monday) says how far back that week's Monday is.
  const jan4Weekday = (new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7;
  const monday = addCalendarDays(`${m[1]}-01-04`, (w - 1) * 7 - jan4Weekday);
  const range = { from: startOfBusinessDay(monday, zone), to: startOfBusinessDay(addCalendarDays(monday, 7), zone) };
  return isoWeekOf(range.from, zone) === week ? range : null;
}

// ── the staff form: labels, owning units and known places ──

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { normal: '一般', high: '高风险' };

/**
 * Units that may own (publish) an activity. Station and community activities are open to every volunteer;
 * a branch or city activity (e.g. 战时) is seen and joined only by volunteers of the stations under it.
 */
export const ACTIVITY_OWNER_LEVELS = ['city', 'branch', 'station', 'community'] as const;

/** Where a known place comes from: an org unit, a company's service site, an earlier activity. */
export type ActivityPlaceSource = 'org_unit' | 'service_site' | 'activity';

export interface ActivityPlace {
  source: ActivityPlaceSource;
  /** What the list shows, e.g. 平湖派出所 or 雨山湖公园驻勤点（皖安保安）. */
  name: string;
  address: string;
  lat: number;
  lng: number;
}

/** GET /admin/activity-places: up to 20 places in the officer's scope whose name or address contains `q`. */
export interface ActivityPlaceQuery {
  q?: string;
}
export interface ActivityPlacesResponse {
  items: ActivityPlace[];
}
