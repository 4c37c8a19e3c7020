import {
  ACTIVITY_STATUS_LABELS,
  businessDate,
  distanceMeters,
  isInsideCheckinArea,
  type ActivityListQuery,
  type ActivityResponse,
  type ActivityType,
  type LatLng,
  type MeResponse,
  type MySignupResponse,
  hasPermission,
} from '@jianghuai/shared';
import { formatDateTime } from './format';
import { dateRange, type DateChoice } from './activity-days';

/**
 * Volunteer-side wording and rules of an activity, in plain TS so they can be tested without a
 * phone. The server decides; these only say in words what it will decide and offer the right button.
 */

/** Same defaults as the server (ACTIVITY_CHECKIN_EARLY_MINUTES, ACTIVITY_CHECKIN_ACCURACY_CAP_M). */
export const CHECKIN_EARLY_MINUTES = 30;
export const CHECKIN_ACCURACY_CAP_M = 100;

/**
 * The activity list's own buttons for the signed-in person: 我的活动 for anyone who has been a volunteer (a
 * suspended one still reads their history), 提议活动 for an active volunteer or a company manager (the two the
 * server takes proposals from). An officer or administrator browsing the list gets neither.
 */
export function activityListButtons(me: MeResponse | null): { myActivities: boolean; propose: boolean } {
  const volunteer = me?.volunteer ?? null;
  return {
    myActivities: volunteer !== null,
    propose: volunteer?.status === 'active' || (!!me && hasPermission(me.roles, 'company.self')),
  };
}

/** `850 米` under a kilometre, `1.2 公里` up to 10 km, `23 公里` beyond. */
export function formatDistance(meters: number | null | undefined): string {
  if (meters === null || meters === undefined || !Number.isFinite(meters) || meters < 0) return '';
  if (meters < 1000) return `${Math.round(meters)} 米`;
  const km = meters / 1000;
  return km < 10 ? `${(Math.round(km * 10) / 10).toFixed(1)} 公里` : `${Math.round(km)} 公里`;
}

/** `11-29 09:00 – 11:00` on one day, full dates when it spans days. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = formatDateTime(startIso);
  const end = formatDateTime(endIso);
  if (start.slice(0, 10) === end.slice(0, 10)) return `${start.slice(5)} – ${end.slice(11)}`;
  return `${start.slice(5)} – ${end.slice(5)}`;
}

export function formatMinutes(minutes: number | null | undefined): string {
  if (!minutes || minutes <= 0) return '0 分钟';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} 分钟`;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export function pointsWording(a: Pick<ActivityResponse, 'pointsRule' | 'effectivePoints' | 'mode'>): string {
  const base = a.pointsRule === 'per_hour' ? `每小时 ${a.effectivePoints} 积分` : `参加一次 ${a.effectivePoints} 积分`;
  return a.mode === 'wartime' ? `${base}（战时加倍）` : base;
}

export function placesWording(a: Pick<ActivityResponse, 'capacity' | 'placesLeft' | 'waitlistCount'>): string {
  if (a.placesLeft > 0) return `还剩 ${a.placesLeft} 个名额（共 ${a.capacity} 个）`;
  return a.waitlistCount > 0 ? `名额已满，${a.waitlistCount} 人在候补` : '名额已满，可以排队候补';
}

export type SignupTone = 'ok' | 'wait' | 'off';

export interface SignupWording {
  /** A short label, e.g. 报名成功 / 候补第 3 位. */
  label: string;
  /** One sentence: what it means and what happens next. */
  detail: string;
  tone: SignupTone;
}

/** What the person's own sign-up means, in words (never colour alone). */
export function signupWording(
  s: Pick<
    MySignupResponse,
    'status' | 'waitlistPosition' | 'attendance' | 'pointsAwarded' | 'checkinAt' | 'checkoutAt'
  >,
): SignupWording {
  switch (s.status) {
    case 'confirmed':
      if (s.attendance === 'confirmed')
        return { label: '已确认出勤', detail: `已获得 ${s.pointsAwarded} 积分。`, tone: 'ok' };
      if (s.attendance === 'absent')
        return { label: '记为缺勤', detail: '民警确认您未到岗。如有疑问，请联系派出所。', tone: 'off' };
      if (s.checkoutAt) return { label: '已签退', detail: '等待民警确认出勤后发放积分。', tone: 'ok' };
      if (s.checkinAt) return { label: '已签到', detail: '活动结束离开前请签退。', tone: 'ok' };
      return { label: '报名成功', detail: '请按时到达，活动开始前 30 分钟起可以签到。', tone: 'ok' };
    case 'waitlisted': {
      const pos = s.waitlistPosition;
      if (pos === 1) return { label: '候补第 1 位', detail: '有人取消时您第一个补上，补上后会通知您。', tone: 'wait' };
      if (pos && pos > 1)
        return {
          label: `候补第 ${pos} 位`,
          detail: `前面还有 ${pos - 1} 人在候补。有人取消时按先后顺序补上，补上后会通知您。`,
          tone: 'wait',
        };
      return { label: '候补中', detail: '有人取消时按先后顺序补上，补上后会通知您。', tone: 'wait' };
    }
    case 'pending':
      return { label: '待民警确认', detail: '民警确认后会通知您结果。', tone: 'wait' };
    case 'rejected':
      return { label: '报名未通过', detail: '民警没有通过这次报名。如有疑问，请联系派出所。', tone: 'off' };
    case 'cancelled':
    default:
      return { label: '已取消报名', detail: '您已取消报名。', tone: 'off' };
  }
}

/** A sign-up that still holds or waits for a place (the one the server calls "live"). */
export function isLiveSignup(s: MySignupResponse | null | undefined): s is MySignupResponse {
  return !!s && (s.status === 'confirmed' || s.status === 'waitlisted' || s.status === 'pending');
}

export type VolunteerAction =
  | { kind: 'signup'; label: string }
  | { kind: 'cancel'; label: string }
  | { kind: 'checkin' }
  | { kind: 'checkout' }
  | { kind: 'none'; reason: string };

/** The main buttons of the detail page, by the activity's state, the person's sign-up and the clock. */
export function volunteerActions(a: ActivityResponse, now: Date): VolunteerAction[] {
  const s = a.mySignup;
  const t = now.getTime();
  const start = Date.parse(a.startAt);
  const end = Date.parse(a.endAt);
  const live = isLiveSignup(s);
  const out: VolunteerAction[] = [];
  if (a.status === 'cancelled')
    return [{ kind: 'none', reason: `活动已取消${a.cancelReason ? `：${a.cancelReason}` : ''}` }];
  if (s && s.status === 'confirmed') {
    const opens = start - CHECKIN_EARLY_MINUTES * 60_000;
    if (!s.checkinAt && t >= opens && t <= end) out.push({ kind: 'checkin' });
    if (s.checkinAt && !s.checkoutAt && t <= end) out.push({ kind: 'checkout' });
  }
  if (live && t <= Date.parse(a.cancelDeadline) && a.status === 'published') {
    out.push({ kind: 'cancel', label: s.status === 'waitlisted' ? '不再候补' : '取消报名' });
  }
  if (!live) {
    if (a.status !== 'published')
      out.push({ kind: 'none', reason: `活动${ACTIVITY_STATUS_LABELS[a.status]}，不能报名` });
    else if (t > Date.parse(a.signupDeadline)) out.push({ kind: 'none', reason: '报名已截止' });
    else out.push({ kind: 'signup', label: a.placesLeft > 0 ? '我要报名' : '名额已满，排队候补' });
  }
  return out;
}

export interface GeofenceView {
  distanceM: number;
  inside: boolean;
  /** Plain words for the person: how far, and whether check-in will work. */
  message: string;
}

/**
 * Where the person stands against the check-in area, counting the phone's accuracy the way the
 * server does (radius + min(accuracy, cap)).
 */
export function geofenceView(
  me: LatLng & { accuracy?: number },
  place: LatLng & { radiusM: number },
  capM = CHECKIN_ACCURACY_CAP_M,
): GeofenceView {
  const distanceM = Math.round(distanceMeters(me, place));
  const accuracy = me.accuracy ?? capM;
  const inside = isInsideCheckinArea(distanceM, place.radiusM, accuracy, capM);
  const fuzzy = accuracy > capM ? '（手机定位不太准，可以到空旷处再试）' : '';
  const message = inside
    ? `您距活动地点约 ${formatDistance(distanceM)}，在签到范围内，可以签到。`
    : `您距活动地点约 ${formatDistance(distanceM)}，签到范围是 ${place.radiusM} 米以内，请走近一些再签到${fuzzy}。`;
  return { distanceM, inside, message };
}

/** Check-in window in words, or null when it is open now. */
export function checkinWindowProblem(
  a: Pick<ActivityResponse, 'startAt' | 'endAt'>,
  now: Date,
  earlyMinutes = CHECKIN_EARLY_MINUTES,
): string | null {
  const opens = Date.parse(a.startAt) - earlyMinutes * 60_000;
  if (now.getTime() < opens) return `签到还没开始：${formatDateTime(new Date(opens).toISOString())} 起可以签到。`;
  if (now.getTime() > Date.parse(a.endAt)) return '活动已结束，不能再签到。';
  return null;
}

/** Activities whose check-in or check-out the person can do now (the 签到打卡 page). */
export function checkinCandidates<
  T extends {
    status: string;
    checkinAt: string | null;
    checkoutAt: string | null;
    activity: { startAt: string; endAt: string; status: string };
  },
>(mine: T[], now: Date, earlyMinutes = CHECKIN_EARLY_MINUTES): T[] {
  const t = now.getTime();
  return mine
    .filter((s) => s.status === 'confirmed' && s.activity.status !== 'cancelled' && !s.checkoutAt)
    .filter((s) => {
      const opens = Date.parse(s.activity.startAt) - earlyMinutes * 60_000;
      const end = Date.parse(s.activity.endAt);
      return t >= opens && t <= end;
    })
    .sort((x, y) => Date.parse(x.activity.startAt) - Date.parse(y.activity.startAt));
}

/** A QR token typed or pasted by hand (H5 has no camera scan): trims spaces and line breaks. */
export function normalizeTypedToken(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/**
 * Position of a point on the H5 static map (a square centred on the activity, 0–100 %), or null
 * when it lies off the picture. `spanM` is the width the square stands for.
 */
export function staticMapOffset(center: LatLng, point: LatLng, spanM: number): { left: number; top: number } | null {
  const dy = distanceMeters(center, { lat: point.lat, lng: center.lng }) * Math.sign(point.lat - center.lat);
  const dx = distanceMeters(center, { lat: center.lat, lng: point.lng }) * Math.sign(point.lng - center.lng);
  const left = 50 + (dx / spanM) * 100;
  const top = 50 - (dy / spanM) * 100;
  if (left < 0 || left > 100 || top < 0 || top > 100) return null;
  return { left: Math.round(left * 10) / 10, top: Math.round(top * 10) / 10 };
}

/** The activity a rotating check-in token belongs to (`<activityId>.<slot>.<mac>`), or null. */
export function tokenActivityId(token: string): number | null {
  const m = /^(\d{1,10})\.\d{1,12}\.[A-Za-z0-9_-]{16,64}$/.exec(normalizeTypedToken(token));
  return m ? Number(m[1]) : null;
}

/** The typed or scanned code ready to send, or why it cannot be sent for this activity. */
export function readCheckinToken(raw: string, activityId: number): { token: string } | { problem: string } {
  const token = normalizeTypedToken(raw);
  if (!token) return { problem: '请先粘贴或输入民警手机上显示的签到码' };
  const owner = tokenActivityId(token);
  if (owner === null) return { problem: '签到码不完整，请对照民警手机上的签到码重新粘贴' };
  if (owner !== activityId) return { problem: '这不是本活动的签到码，请确认您要签到的活动' };
  return { token };
}

// ── list filters ──

/** 全部 / 今天 / 本周 (today to Sunday) / 选日期 (`day`). */
export type DateFilter = DateChoice;
export interface ListFilters {
  type: ActivityType | null;
  date: DateFilter;
  /** The picked day (YYYY-MM-DD) for `date: 'day'`. */
  day?: string | null;
  /** Only activities within this many km of the person (needs their position). */
  nearKm: number | null;
  /** Only the person's own station's activities. */
  myStation: boolean;
}

export const DEFAULT_FILTERS: ListFilters = { type: null, date: 'all', day: null, nearKm: null, myStation: false };

/** The list query for the chosen filters; position adds distances even without the 附近 filter. */
export function listQueryFor(
  f: ListFilters,
  ctx: { now: Date; position: LatLng | null; stationId: number | null },
  page: number,
  pageSize: number,
): ActivityListQuery {
  const q: ActivityListQuery = { page, pageSize };
  if (f.type) q.type = f.type;
  if (f.myStation && ctx.stationId) q.stationId = ctx.stationId;
  const range = dateRange(f.date, businessDate(ctx.now), f.day);
  if (range) {
    q.from = range.from;
    q.to = range.to;
  }
  if (ctx.position) {
    q.lat = Math.round(ctx.position.lat * 1e6) / 1e6;
    q.lng = Math.round(ctx.position.lng * 1e6) / 1e6;
    if (f.nearKm) q.withinKm = f.nearKm;
  }
  return q;
}

export function filtersKey(f: ListFilters, position: LatLng | null): string {
  return JSON.stringify([f, position ? [position.lat.toFixed(4), position.lng.toFixed(4)] : null]);
}

/** A refused check-in in words; for "out of range" the server's distance is added. */
export function checkinErrorMessage(error: { code: string; message: string; details?: unknown }): string {
  const d = (error.details ?? {}) as { distanceM?: number; radiusM?: number };
  if (error.code === 'CHECKIN_OUT_OF_RANGE' && typeof d.distanceM === 'number' && typeof d.radiusM === 'number') {
    return `${error.message}（您距活动地点约 ${formatDistance(d.distanceM)}，签到范围是 ${d.radiusM} 米以内）`;
  }
  return error.message;
}
