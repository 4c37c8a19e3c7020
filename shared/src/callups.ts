import type { Page } from './api.js';
import { ACTIVITY_MODES, ACTIVITY_MODE_LABELS, type ActivityMode, type QrTokenResponse } from './activities.js';
import type { Skill, VolunteerTier } from './roles.js';

/**
 * Call-ups (调度指令) and war-time (战时) (docs/callups.md). An officer sends a call-up to the active volunteers
 * matching a target inside their scope; each answers, arrives at the rally point and files a feedback report.
 * A branch or the city declares war-time over an area: dispatch there is then unified at the declaring level and
 * new activities and call-ups default to the war-time mode.
 */
export const WARTIME_ROUTES = {
  adminWartime: '/admin/wartime',
  adminWartimeEnd: '/admin/wartime/:id/end',
  /** the war-time states over the guard's station or residence community (staff: over their unit) */
  wartimeCurrent: '/wartime/current',
} as const;

export const CALLUP_ROUTES = {
  adminCallupPlans: '/admin/callup-plans',
  adminCallupPlan: '/admin/callup-plans/:id',
  adminCallupPlanLaunch: '/admin/callup-plans/:id/launch',
  adminCallupPreview: '/admin/callups/preview',
  adminCallups: '/admin/callups',
  adminCallup: '/admin/callups/:id',
  adminCallupClose: '/admin/callups/:id/close',
  adminCallupBoard: '/admin/callups/:id/board',
  adminCallupQr: '/admin/callups/:id/qr',
  /** ?from=YYYY-MM-DD&to=YYYY-MM-DD&level=station|branch */
  adminCallupSpeed: '/admin/callup-speed',
  adminCallupDraws: '/admin/callups/:id/draws',
  adminDrawInbox: '/admin/callup-draws',
  adminDrawDecide: '/admin/callup-draws/:id/decide',
  myCallups: '/callups',
  myCallup: '/callups/:id',
  callupAnswer: '/callups/:id/answer',
  callupArrive: '/callups/:id/arrive',
  callupReport: '/callups/:id/report',
  leaderCallupQr: '/callups/:id/qr',
} as const;

// ── labels and limits ──

/** The three dispatch modes: the same as an activity's (战时 earns the ×2 war-time factor). */
export const CALLUP_MODES = ACTIVITY_MODES;
export type CallupMode = ActivityMode;
export const CALLUP_MODE_LABELS: Record<CallupMode, string> = ACTIVITY_MODE_LABELS;

export const CALLUP_KINDS = ['ordinary', 'verification'] as const;
export type CallupKind = (typeof CALLUP_KINDS)[number];
export const CALLUP_KIND_LABELS: Record<CallupKind, string> = { ordinary: '普通指令', verification: '摸排' };

export const CALLUP_STATUSES = ['open', 'closed'] as const;
export type CallupStatus = (typeof CALLUP_STATUSES)[number];
export const CALLUP_STATUS_LABELS: Record<CallupStatus, string> = { open: '进行中', closed: '已结束' };

export const RECIPIENT_STATUSES = ['asked', 'accepted', 'declined', 'arrived', 'reported'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  asked: '待回复',
  accepted: '已接受',
  declined: '已拒绝',
  arrived: '已到达',
  reported: '已反馈',
};

export const RECIPIENT_SOURCES = ['direct', 'draw'] as const;
export type RecipientSource = (typeof RECIPIENT_SOURCES)[number];

export const ARRIVED_BY = ['location', 'qr'] as const;
export type ArrivedBy = (typeof ARRIVED_BY)[number];
export const ARRIVED_BY_LABELS: Record<ArrivedBy, string> = { location: '定位签到', qr: '扫码签到' };

/** The answer for one item of a 摸排 (verification) call-up. */
export const VERIFICATION_RESULTS = ['found', 'not_found', 'changed'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_RESULT_LABELS: Record<VerificationResult, string> = {
  found: '已找到，无变化',
  not_found: '未找到',
  changed: '有变化',
};

export const DRAW_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];
export const DRAW_STATUS_LABELS: Record<DrawStatus, string> = {
  pending: '待对方分局决定',
  accepted: '已同意抽调',
  declined: '已拒绝抽调',
};

export const CALLUP_TITLE_MAX = 60;
export const CALLUP_TASK_MAX = 1000;
export const CALLUP_ADDRESS_MAX = 200;
export const CALLUP_REPORT_MAX = 1000;
export const CALLUP_REASON_MAX = 200;
export const CALLUP_ITEM_LABEL_MAX = 100;
export const CALLUP_ITEM_NOTE_MAX = 200;
export const CALLUP_ITEMS_MAX = 50;
export const CALLUP_PHOTOS_MAX = 6;
export const CALLUP_PLAN_NAME_MAX = 40;
/** The target's radius around a point, in metres. */
export const CALLUP_RADIUS_MIN_M = 100;
export const CALLUP_RADIUS_MAX_M = 5000;
/** How near the rally point arriving by location must be, unless the call-up names another radius. */
export const CALLUP_RALLY_RADIUS_DEFAULT_M = 500;
export const CALLUP_RALLY_RADIUS_MAX_M = 5000;
/** A deadline lies in the future and at most this many days ahead. */
export const CALLUP_DEADLINE_MAX_DAYS = 7;
export const CALLUP_WANTED_MAX = 5000;
export const CALLUP_DRAW_MAX = 200;
/** A war-time period lasts at most this many days. */
export const WARTIME_MAX_DAYS = 30;
/** The upload purpose of a call-up report's photos (POST /api/files with purpose=callup_photo). */
export const CALLUP_PHOTO_PURPOSE = 'callup_photo';
/** The SMS ref of a call-up's texts: `callup:<id>`. */
export const callupSmsRef = (callupId: number): string => `callup:${callupId}`;

// ── war-time ──

export interface DeclareWartimeRequest {
  /** a branch, station or community unit: a branch only over its own area, the city over any */
  areaId: number;
  /** ISO instants; start < end ≤ start + 30 days */
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface EndWartimeRequest {
  reason: string;
}

export interface WartimeStateResponse {
  id: number;
  areaId: number;
  areaName: string;
  areaLevel: string;
  /** the unit that declared it and leads dispatch in the area (a branch or the city) */
  leadUnitId: number;
  leadUnitName: string;
  reason: string;
  startsAt: string;
  endsAt: string;
  /** when it was ended early, with why and by whom */
  endedAt: string | null;
  endReason: string | null;
  endedByName: string | null;
  declaredByName: string;
  createdAt: string;
  /** active now (started, not past its end, not ended early) */
  active: boolean;
}
export type WartimeStatePage = Page<WartimeStateResponse>;

/** The banner a guard sees: 战时状态 · reason · until when. */
export interface WartimeBanner {
  id: number;
  areaName: string;
  leadUnitName: string;
  reason: string;
  startsAt: string;
  endsAt: string;
}

export interface WartimeCurrentResponse {
  states: WartimeBanner[];
}

// ── targeting ──

export interface CallupRadius {
  lat: number;
  lng: number;
  /** 100–5000 m */
  radiusM: number;
}

/**
 * Who a call-up asks: the active volunteers of an org unit under the sender (a station, community or branch;
 * the sender's own unit too), optionally only one team's members, only those with every listed skill, only the
 * listed tiers, only those within a radius of a point (their last check-in place, else their residence
 * community's centre).
 */
export interface CallupTarget {
  unitId: number;
  teamId?: number | null;
  /** every listed skill is needed */
  skills?: Skill[];
  /** allowed tiers; empty = any */
  tiers?: VolunteerTier[];
  radius?: CallupRadius | null;
}

export interface CallupRally {
  address: string;
  lat: number;
  lng: number;
}

/** One item of a 摸排 call-up (重点人、事、物、单位). */
export interface CallupItem {
  id: number;
  label: string;
}

export interface CreateCallupRequest {
  /** made once per call-up on the phone: sending it again returns the same call-up */
  requestId: string;
  kind: CallupKind;
  /** omitted: the sender's level decides (community → daily, station → immediate, branch/city → wartime inside an
   * active war-time area, else immediate) */
  mode?: CallupMode;
  title: string;
  task: string;
  rally: CallupRally;
  /** arriving by location: within this many metres of the rally point (default 500) */
  rallyRadiusM?: number;
  /** ISO instant, in the future and at most 7 days ahead */
  deadlineAt: string;
  target: CallupTarget;
  /** how many are wanted (the goal shown on the board); everyone matching is asked */
  wanted?: number | null;
  /** the labels of a 摸排 call-up's items (required for verification, not allowed otherwise) */
  items?: string[];
}

export interface CallupPreviewRequest {
  target: CallupTarget;
  mode?: CallupMode;
}

export interface CallupPreviewResponse {
  matched: number;
  /** matched volunteers no WeChat subscribe message can reach (SMS and in-app only) */
  withoutPush: number;
  withPhone: number;
  /** the mode the call-up would take */
  mode: CallupMode;
  /** the active war-time state over the target, if any */
  wartime: WartimeBanner | null;
  /** the sender may not send into this area (dispatch is unified at the leading unit) */
  unified: boolean;
}

export interface CallupCounts {
  asked: number;
  accepted: number;
  declined: number;
  arrived: number;
  reported: number;
}

export interface CallupDrawResponse {
  id: number;
  callupId: number;
  callupTitle: string;
  /** the unit of the call-up that asks */
  fromUnitName: string;
  requestedByName: string;
  branchId: number;
  branchName: string;
  /** how many were asked for, and how many the talent pool gave when asked */
  count: number;
  picked: number;
  skills: Skill[];
  tier: VolunteerTier | null;
  status: DrawStatus;
  declineReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
}

/** A pending draw in the home branch's inbox, with the call-up and the volunteers it would send. */
export interface DrawInboxItem extends CallupDrawResponse {
  callup: {
    id: number;
    kind: CallupKind;
    mode: CallupMode;
    task: string;
    rallyAddress: string;
    deadlineAt: string;
    unitName: string;
  };
  volunteers: { volunteerId: number; name: string; stationName: string; tier: VolunteerTier }[];
}
export type DrawInboxPage = Page<DrawInboxItem>;

export interface CreateDrawRequest {
  branchId: number;
  count: number;
  skills?: Skill[];
  tier?: VolunteerTier;
}

export interface DecideDrawRequest {
  decision: 'accept' | 'decline';
  /** required to decline */
  reason?: string;
}

export interface CallupSummary {
  id: number;
  kind: CallupKind;
  mode: CallupMode;
  title: string;
  status: CallupStatus;
  unitName: string;
  targetName: string;
  deadlineAt: string;
  createdAt: string;
  wanted: number | null;
  counts: CallupCounts;
}
export type CallupPage = Page<CallupSummary>;

export interface CallupResponse extends CallupSummary {
  task: string;
  rally: CallupRally & { radiusM: number };
  target: CallupTarget;
  items: CallupItem[];
  planId: number | null;
  wartime: WartimeBanner | null;
  createdByName: string;
  closedAt: string | null;
  closedByName: string | null;
  draws: CallupDrawResponse[];
}

// ── plans (预案) ──

export interface CallupPlanRequest {
  name: string;
  kind: CallupKind;
  mode?: CallupMode | null;
  target: CallupTarget;
  wanted?: number | null;
  title: string;
  task: string;
  rally: CallupRally;
  rallyRadiusM?: number;
  /** the deadline, in minutes after launch (up to 7 days) */
  deadlineMinutes: number;
  /** 摸排 items' labels */
  items?: string[];
}

export interface CallupPlanResponse {
  id: number;
  ownerUnitId: number;
  ownerUnitName: string;
  name: string;
  kind: CallupKind;
  mode: CallupMode | null;
  target: CallupTarget;
  targetName: string;
  wanted: number | null;
  title: string;
  task: string;
  rally: CallupRally & { radiusM: number };
  deadlineMinutes: number;
  items: CallupItem[];
  createdAt: string;
  updatedAt: string;
}
export type CallupPlanPage = Page<CallupPlanResponse>;

/** Launch a plan in one step, with whatever the officer changed before sending. */
export interface LaunchPlanRequest {
  requestId: string;
  overrides?: {
    mode?: CallupMode;
    title?: string;
    task?: string;
    rally?: CallupRally;
    rallyRadiusM?: number;
    deadlineAt?: string;
    target?: CallupTarget;
    wanted?: number | null;
    items?: string[];
  };
}

// ── answers, arrival, feedback (guards) ──

export interface CallupAnswerRequest {
  answer: 'accept' | 'decline';
  /** why not (optional) */
  reason?: string;
}

/** Arrive by location (lat/lng within the rally radius) or by the rotating QR (token). */
export interface CallupArriveRequest {
  lat?: number;
  lng?: number;
  token?: string;
}

export interface CallupItemReport {
  itemId: number;
  result: VerificationResult;
  note?: string;
  photoIds?: string[];
}

export interface CallupReportRequest {
  text: string;
  photoIds?: string[];
  /** 摸排: one entry for every item */
  items?: CallupItemReport[];
}

export interface MyCallupSummary {
  id: number;
  kind: CallupKind;
  mode: CallupMode;
  title: string;
  unitName: string;
  callupStatus: CallupStatus;
  myStatus: RecipientStatus;
  deadlineAt: string;
  createdAt: string;
}
export type MyCallupPage = Page<MyCallupSummary>;

export interface MyCallupResponse extends MyCallupSummary {
  task: string;
  rally: CallupRally & { radiusM: number };
  items: CallupItem[];
  askedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  arrivedAt: string | null;
  arrivedBy: ArrivedBy | null;
  reportedAt: string | null;
  reportText: string | null;
  reportPhotoIds: string[];
  reportItems: CallupItemReport[];
  pointsAwarded: number;
  /** the guard leads a targeted team and may show the rotating QR */
  canShowQr: boolean;
  /** the war-time state active now over the call-up's target area, for the banner (战时状态 · reason · until when) */
  wartime?: WartimeBanner | null;
}

// ── the live board and response speed ──

export type CallupQrResponse = QrTokenResponse;

export interface CallupSpeed {
  acceptMedianS: number | null;
  acceptP90S: number | null;
  arriveMedianS: number | null;
  arriveP90S: number | null;
}

export interface BoardPerson {
  recipientId: number;
  volunteerId: number;
  name: string;
  stationName: string;
  source: RecipientSource;
  status: RecipientStatus;
  askedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
  arrivedAt: string | null;
  reportedAt: string | null;
  pushReached: boolean;
  smsReached: boolean;
}

export interface BoardResponse {
  callup: CallupSummary & { rallyAddress: string; closedAt: string | null };
  counts: {
    asked: number;
    reachedPush: number;
    reachedSms: number;
    unreachablePush: number;
    accepted: number;
    declined: number;
    arrived: number;
    reported: number;
    wanted: number | null;
  };
  people: BoardPerson[];
  speed: CallupSpeed;
  /** the server's time of this reading */
  at: string;
}

export const SPEED_LEVELS = ['station', 'branch'] as const;
export type SpeedLevel = (typeof SPEED_LEVELS)[number];

export interface SpeedRow extends CallupSpeed {
  orgId: number;
  orgName: string;
  callups: number;
}

export interface SpeedResponse {
  from: string;
  to: string;
  level: SpeedLevel;
  rows: SpeedRow[];
}
