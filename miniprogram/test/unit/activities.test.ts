import { describe, expect, it } from 'vitest';
import type { ActivityResponse, MySignupResponse } from '@jianghuai/shared';
import {
  activityListButtons,
  checkinCandidates,
  checkinErrorMessage,
  checkinWindowProblem,
  DEFAULT_FILTERS,
  formatDistance,
  formatMinutes,
  formatTimeRange,
  geofenceView,
  listQueryFor,
  normalizeTypedToken,
  placesWording,
  pointsWording,
  readCheckinToken,
  signupWording,
  staticMapOffset,
  tokenActivityId,
  volunteerActions,
} from '../../src/logic/activities';

const signup = (over: Partial<MySignupResponse> = {}): MySignupResponse => ({
  id: 1,
  activityId: 7,
  status: 'confirmed',
  waitlistPosition: null,
  checkinAt: null,
  checkinMethod: null,
  checkoutAt: null,
  autoCheckedOut: false,
  checkedMinutes: null,
  attendance: 'unconfirmed',
  confirmedMinutes: null,
  manualMinutes: 0,
  pointsAwarded: 0,
  createdAt: '2026-11-28T00:00:00Z',
  ...over,
});

const START = '2026-12-01T01:00:00.000Z'; // 09:00 Shanghai
const END = '2026-12-01T03:00:00.000Z'; // 11:00
const activity = (over: Partial<ActivityResponse> = {}): ActivityResponse => ({
  id: 7,
  title: '平湖小区巡逻',
  type: 'street_patrol',
  typeLabel: '街面巡逻',
  description: '',
  orgUnit: { id: 3, name: '平湖派出所' },
  location: { address: '平湖小区北门', lat: 31.67, lng: 118.5, radiusM: 300 },
  startAt: START,
  endAt: END,
  signupDeadline: START,
  cancelDeadline: START,
  capacity: 10,
  confirmedCount: 3,
  placesLeft: 7,
  waitlistCount: 0,
  minHeadcount: 0,
  requirements: { skills: [], tiers: [], minAge: null, maxAge: null, requiresInsurance: false },
  riskLevel: 'normal',
  pointsRule: 'per_activity',
  pointsAmount: 10,
  pointsFactorPct: 100,
  effectivePoints: 10,
  mode: 'daily',
  signupMode: 'instant',
  status: 'published',
  proposal: null,
  cancelReason: null,
  teamId: null,
  distanceM: null,
  mySignup: null,
  createdAt: '2026-11-20T00:00:00Z',
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('formatDistance', () => {
  it('metres under a kilometre, one decimal up to 10 km, whole km beyond', () => {
    expect(formatDistance(0)).toBe('0 米');
    expect(formatDistance(849.6)).toBe('850 米');
    expect(formatDistance(1000)).toBe('1.0 公里');
    expect(formatDistance(1249)).toBe('1.2 公里');
    expect(formatDistance(23_456)).toBe('23 公里');
  });
  it('says nothing when there is no distance', () => {
    expect(formatDistance(null)).toBe('');
    expect(formatDistance(Number.NaN)).toBe('');
    expect(formatDistance(-5)).toBe('');
  });
});

describe('geofenceView', () => {
  const place = { lat: 31.67, lng: 118.5, radiusM: 300 };
  // 0.0036° of latitude ≈ 400 m.
  const away400 = { lat: 31.6736, lng: 118.5 };

  it('inside the radius: says so with the distance', () => {
    const v = geofenceView({ lat: 31.6712, lng: 118.5, accuracy: 10 }, place);
    expect(v.inside).toBe(true);
    expect(v.distanceM).toBeGreaterThan(120);
    expect(v.distanceM).toBeLessThan(140);
    expect(v.message).toContain('可以签到');
  });

  it('counts the phone accuracy like the server, capped at 100 m', () => {
    expect(geofenceView({ ...away400, accuracy: 10 }, place).inside).toBe(false);
    expect(geofenceView({ ...away400, accuracy: 120 }, place).inside).toBe(true);
    // A wild accuracy reading cannot stretch the area beyond radius + 100 m.
    expect(geofenceView({ lat: 31.6745, lng: 118.5, accuracy: 5000 }, place).inside).toBe(false);
  });

  it('outside: tells how far, the radius, and what to do', () => {
    const v = geofenceView({ ...away400, accuracy: 10 }, place);
    expect(v.message).toMatch(/约 40\d 米/);
    expect(v.message).toContain('300 米以内');
    expect(v.message).toContain('走近');
  });

  it('a poor reading suggests moving to open ground', () => {
    expect(geofenceView({ lat: 31.6745, lng: 118.5, accuracy: 500 }, place).message).toContain('空旷处');
  });
});

describe('signupWording (waitlist and states in words)', () => {
  it('waitlist position 1, n, unknown', () => {
    expect(signupWording(signup({ status: 'waitlisted', waitlistPosition: 1 }))).toMatchObject({
      label: '候补第 1 位',
      tone: 'wait',
    });
    const third = signupWording(signup({ status: 'waitlisted', waitlistPosition: 3 }));
    expect(third.label).toBe('候补第 3 位');
    expect(third.detail).toContain('前面还有 2 人');
    expect(signupWording(signup({ status: 'waitlisted', waitlistPosition: null })).label).toBe('候补中');
  });
  it('follows the person through the day', () => {
    expect(signupWording(signup()).label).toBe('报名成功');
    expect(signupWording(signup({ checkinAt: START })).label).toBe('已签到');
    expect(signupWording(signup({ checkinAt: START, checkoutAt: END })).label).toBe('已签退');
    const done = signupWording(signup({ attendance: 'confirmed', pointsAwarded: 12 }));
    expect(done).toMatchObject({ label: '已确认出勤', tone: 'ok' });
    expect(done.detail).toContain('12 积分');
    expect(signupWording(signup({ attendance: 'absent' })).tone).toBe('off');
  });
  it('pending, rejected, cancelled', () => {
    expect(signupWording(signup({ status: 'pending' })).label).toBe('待民警确认');
    expect(signupWording(signup({ status: 'rejected' })).label).toBe('报名未通过');
    expect(signupWording(signup({ status: 'cancelled' })).label).toBe('已取消报名');
  });
});

describe('placesWording / pointsWording', () => {
  it('places left, or full with the waitlist', () => {
    expect(placesWording({ capacity: 10, placesLeft: 7, waitlistCount: 0 })).toBe('还剩 7 个名额（共 10 个）');
    expect(placesWording({ capacity: 10, placesLeft: 0, waitlistCount: 4 })).toBe('名额已满，4 人在候补');
    expect(placesWording({ capacity: 10, placesLeft: 0, waitlistCount: 0 })).toContain('可以排队候补');
  });
  it('per hour or per activity; war-time says it doubles', () => {
    expect(pointsWording({ pointsRule: 'per_hour', effectivePoints: 5, mode: 'daily' })).toBe('每小时 5 积分');
    expect(pointsWording({ pointsRule: 'per_activity', effectivePoints: 20, mode: 'wartime' })).toBe(
      '参加一次 20 积分（战时加倍）',
    );
  });
});

describe('volunteerActions', () => {
  it('open activity without a sign-up: sign up, or queue when full', () => {
    expect(volunteerActions(activity(), at('2026-11-30T00:00:00Z'))).toEqual([{ kind: 'signup', label: '我要报名' }]);
    expect(volunteerActions(activity({ placesLeft: 0 }), at('2026-11-30T00:00:00Z'))[0]).toMatchObject({
      kind: 'signup',
      label: '名额已满，排队候补',
    });
  });
  it('after the deadline: no button, a reason', () => {
    expect(volunteerActions(activity({ signupDeadline: '2026-11-29T00:00:00Z' }), at('2026-11-30T00:00:00Z'))).toEqual([
      { kind: 'none', reason: '报名已截止' },
    ]);
  });
  it('signed up: cancel until the cancel deadline; waitlisted says 不再候补', () => {
    expect(volunteerActions(activity({ mySignup: signup() }), at('2026-11-30T00:00:00Z'))).toEqual([
      { kind: 'cancel', label: '取消报名' },
    ]);
    expect(
      volunteerActions(
        activity({ mySignup: signup({ status: 'waitlisted', waitlistPosition: 2 }) }),
        at('2026-11-30T00:00:00Z'),
      ),
    ).toEqual([{ kind: 'cancel', label: '不再候补' }]);
  });
  it('check-in opens 30 minutes before the start; check-out after check-in', () => {
    expect(volunteerActions(activity({ mySignup: signup() }), at('2026-12-01T00:29:00Z')).map((x) => x.kind)).toEqual([
      'cancel',
    ]);
    expect(volunteerActions(activity({ mySignup: signup() }), at('2026-12-01T00:31:00Z')).map((x) => x.kind)).toEqual([
      'checkin',
      'cancel',
    ]);
    expect(
      volunteerActions(
        activity({ status: 'ongoing', mySignup: signup({ checkinAt: START }) }),
        at('2026-12-01T02:00:00Z'),
      ).map((x) => x.kind),
    ).toEqual(['checkout']);
  });
  it('a cancelled activity says why', () => {
    expect(
      volunteerActions(activity({ status: 'cancelled', cancelReason: '暴雨' }), at('2026-11-30T00:00:00Z')),
    ).toEqual([{ kind: 'none', reason: '活动已取消：暴雨' }]);
  });
});

describe('check-in helpers', () => {
  it('window problem before, none during, ended after', () => {
    expect(checkinWindowProblem(activity(), at('2026-12-01T00:00:00Z'))).toContain('08:30 起可以签到');
    expect(checkinWindowProblem(activity(), at('2026-12-01T02:00:00Z'))).toBeNull();
    expect(checkinWindowProblem(activity(), at('2026-12-01T03:01:00Z'))).toContain('已结束');
  });
  it('candidates: confirmed, in the window, not checked out, earliest first', () => {
    const mk = (id: number, startAt: string, endAt: string, over: Partial<MySignupResponse> = {}) => ({
      ...signup({ id, ...over }),
      activity: {
        id,
        title: `a${id}`,
        type: 'street_patrol' as const,
        startAt,
        endAt,
        status: 'published' as const,
        address: 'x',
      },
    });
    const now = at('2026-12-01T01:30:00Z');
    const list = [
      mk(1, '2026-12-01T01:50:00Z', END),
      mk(2, START, END),
      mk(3, START, END, { status: 'waitlisted' }),
      mk(4, START, END, { checkinAt: START, checkoutAt: END }),
      mk(5, '2026-12-01T03:00:00Z', '2026-12-01T05:00:00Z'),
      mk(6, '2026-11-30T01:00:00Z', '2026-11-30T03:00:00Z'),
    ];
    expect(checkinCandidates(list, now).map((s) => s.id)).toEqual([2, 1]);
  });
  it('a pasted token loses its spaces and line breaks; its activity id is read from it', () => {
    const token = '12.59886354.abcdefghijklmnopqrstuv';
    expect(normalizeTypedToken(' 12.5988 6354.abcd\nefghijklmnopqrstuv ')).toBe(token);
    expect(tokenActivityId(token)).toBe(12);
    expect(tokenActivityId('12.59886354.short')).toBeNull();
    expect(tokenActivityId('hello')).toBeNull();
  });
  it('a typed code is sent only when it is complete and belongs to this activity', () => {
    const token = '12.59886354.abcdefghijklmnopqrstuv';
    expect(readCheckinToken(` ${token}\n`, 12)).toEqual({ token });
    expect(readCheckinToken('  ', 12)).toEqual({ problem: '请先粘贴或输入民警手机上显示的签到码' });
    expect(readCheckinToken('12.59886354.short', 12)).toEqual({
      problem: '签到码不完整，请对照民警手机上的签到码重新粘贴',
    });
    expect(readCheckinToken(token, 13)).toEqual({ problem: '这不是本活动的签到码，请确认您要签到的活动' });
  });
  it('out-of-range refusal carries the distance in words', () => {
    expect(
      checkinErrorMessage({
        code: 'CHECKIN_OUT_OF_RANGE',
        message: '您不在活动地点范围内',
        details: { distanceM: 1500, radiusM: 300 },
      }),
    ).toBe('您不在活动地点范围内（您距活动地点约 1.5 公里，签到范围是 300 米以内）');
    expect(checkinErrorMessage({ code: 'CHECKIN_QR_EXPIRED', message: '二维码已过期' })).toBe('二维码已过期');
  });
});

describe('list query', () => {
  const now = at('2026-11-28T17:00:00Z'); // 2026-11-29 01:00 in Shanghai
  it('today and this week use Shanghai dates', () => {
    expect(
      listQueryFor({ ...DEFAULT_FILTERS, date: 'today' }, { now, position: null, stationId: null }, 1, 20),
    ).toEqual({ page: 1, pageSize: 20, from: '2026-11-29', to: '2026-11-29' });
    expect(
      listQueryFor({ ...DEFAULT_FILTERS, date: 'week' }, { now, position: null, stationId: null }, 2, 20),
    ).toMatchObject({ page: 2, from: '2026-11-29', to: '2026-11-29' }); // a Sunday: 本周 is that day
    expect(
      listQueryFor(
        { ...DEFAULT_FILTERS, date: 'day', day: '2026-12-03' },
        { now, position: null, stationId: null },
        1,
        20,
      ),
    ).toMatchObject({ from: '2026-12-03', to: '2026-12-03' });
  });
  it('position gives distances; 附近 adds the radius; 本所 the station; type passes through', () => {
    const q = listQueryFor(
      { type: 'traffic_order', date: 'all', nearKm: 3, myStation: true },
      { now, position: { lat: 31.1234567, lng: 118.7654321 }, stationId: 5 },
      1,
      20,
    );
    expect(q).toEqual({
      page: 1,
      pageSize: 20,
      type: 'traffic_order',
      stationId: 5,
      lat: 31.123457,
      lng: 118.765432,
      withinKm: 3,
    });
  });
  it('附近 without a position cannot filter by distance', () => {
    expect(listQueryFor({ ...DEFAULT_FILTERS, nearKm: 3 }, { now, position: null, stationId: null }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
    });
  });
});

describe('small formatting', () => {
  it('time range on one day and across days', () => {
    expect(formatTimeRange(START, END)).toBe('12-01 09:00 – 11:00');
    expect(formatTimeRange(START, '2026-12-02T03:00:00Z')).toBe('12-01 09:00 – 12-02 11:00');
  });
  it('minutes in hours and minutes', () => {
    expect(formatMinutes(null)).toBe('0 分钟');
    expect(formatMinutes(45)).toBe('45 分钟');
    expect(formatMinutes(120)).toBe('2 小时');
    expect(formatMinutes(135)).toBe('2 小时 15 分钟');
  });
  it('static map: centre in the middle, north is up, off-picture is null', () => {
    const c = { lat: 31.67, lng: 118.5 };
    expect(staticMapOffset(c, c, 900)).toEqual({ left: 50, top: 50 });
    const north = staticMapOffset(c, { lat: 31.6718, lng: 118.5 }, 900)!;
    expect(north.left).toBe(50);
    expect(north.top).toBeLessThan(30);
    expect(staticMapOffset(c, { lat: 31.7, lng: 118.5 }, 900)).toBeNull();
  });
});

describe('activityListButtons (who sees 我的活动 and 提议活动 on the list)', () => {
  const person = (roles: string[], volunteer: 'active' | 'suspended' | null) =>
    ({
      id: 1,
      displayName: '某人',
      roles,
      isStaff: roles.some((r) => r !== 'volunteer'),
      orgUnit: null,
      phoneMasked: null,
      wechatBound: true,
      volunteer: volunteer
        ? { memberNo: 'JH000001', status: volunteer, stationId: 1, stationName: '平湖派出所' }
        : null,
    }) as Parameters<typeof activityListButtons>[0];

  it('an active volunteer gets both, a suspended one only their history', () => {
    expect(activityListButtons(person(['volunteer'], 'active'))).toEqual({ myActivities: true, propose: true });
    expect(activityListButtons(person([], 'suspended'))).toEqual({ myActivities: true, propose: false });
  });

  it('a company manager may propose; officers, administrators and nobody signed in get neither', () => {
    expect(activityListButtons(person(['company_manager'], null))).toEqual({ myActivities: false, propose: true });
    for (const role of ['station_officer', 'city_officer', 'sysadmin', 'mall_operator'])
      expect(activityListButtons(person([role], null))).toEqual({ myActivities: false, propose: false });
    expect(activityListButtons(null)).toEqual({ myActivities: false, propose: false });
  });
});
