import { describe, expect, it } from 'vitest';
import type { ActivityResponse, MyApplicationResponse, MySignupResponse } from '@jianghuai/shared';
import { activityAfterSignup, checkinHint } from '../../src/logic/activity-hints';
import { geofenceView } from '../../src/logic/activities';
import { signupTabLabel, signupTabToOpen } from '../../src/logic/signup-tabs';
import { visitorApplicationView } from '../../src/logic/visitor-application';
import {
  ageMessage,
  fromDraft,
  idNumberHint,
  toDraft,
  emptyForm,
  usablePhone,
  validateStep,
  PHONE_CODE_TTL_MS,
} from '../../src/logic/application-form';
import { PAGES } from '../../src/logic/routes';
import { locationErrorMessage } from '../../src/hooks/useLocation';

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
const END = '2026-12-01T03:00:00.000Z';
const PLACE = { lat: 31.67, lng: 118.5, radiusM: 300 };
const activity = (over: Partial<ActivityResponse> = {}) =>
  ({
    startAt: START,
    endAt: END,
    status: 'published',
    mySignup: null,
    location: { address: '平湖小区北门', ...PLACE },
    placesLeft: 7,
    waitlistCount: 0,
    ...over,
  }) as ActivityResponse;
const here = geofenceView({ lat: 31.67, lng: 118.5, accuracy: 10 }, PLACE);

describe('checkinHint: 可以签到 only when a check-in would be accepted', () => {
  it('a waitlisted sign-up for tomorrow, standing on the spot, is not told it can check in', () => {
    const hint = checkinHint(
      activity({ mySignup: signup({ status: 'waitlisted', waitlistPosition: 1 }) }),
      here,
      new Date('2026-11-30T01:00:00Z'),
    );
    expect(hint.canCheckIn).toBe(false);
    expect(hint.text).not.toContain('可以签到');
    expect(hint.text).toContain('候补');
  });

  it('a confirmed sign-up before the window opens is told when it opens', () => {
    const hint = checkinHint(activity({ mySignup: signup() }), here, new Date('2026-11-30T01:00:00Z'));
    expect(hint.canCheckIn).toBe(false);
    expect(hint.text).toContain('签到还没开始');
  });

  it('a confirmed sign-up inside the area and the window can check in', () => {
    const hint = checkinHint(activity({ mySignup: signup() }), here, new Date('2026-12-01T00:45:00Z'));
    expect(hint).toEqual({ text: here.message, canCheckIn: true });
  });

  it('no sign-up, pending, or after the end: never "可以签到"', () => {
    for (const a of [activity(), activity({ mySignup: signup({ status: 'pending' }) })]) {
      expect(checkinHint(a, here, new Date('2026-12-01T01:10:00Z')).canCheckIn).toBe(false);
    }
    expect(checkinHint(activity({ mySignup: signup() }), here, new Date('2026-12-01T04:00:00Z')).text).toContain(
      '活动已结束',
    );
  });
});

describe('activityAfterSignup: the places count follows the sign-up at once', () => {
  it('a confirmed sign-up takes a place; a waitlisted one grows the waitlist', () => {
    expect(activityAfterSignup(activity(), signup())).toMatchObject({ placesLeft: 6, waitlistCount: 0 });
    expect(activityAfterSignup(activity({ placesLeft: 0 }), signup({ status: 'waitlisted' }))).toMatchObject({
      placesLeft: 0,
      waitlistCount: 1,
    });
    expect(activityAfterSignup(activity(), signup({ status: 'pending' }))).toMatchObject({
      placesLeft: 7,
      waitlistCount: 0,
    });
  });
});

describe('signupTabToOpen: the staff sign-up list never opens on an empty tab', () => {
  it('pending first, else confirmed, else the waitlist, else cancelled; confirmed when empty', () => {
    expect(signupTabToOpen({ pending: 0, confirmed: 3, waitlisted: 1, cancelled: 0 })).toBe('confirmed');
    expect(signupTabToOpen({ pending: 2, confirmed: 3 })).toBe('pending');
    expect(signupTabToOpen({ pending: 0, confirmed: 0, waitlisted: 0, cancelled: 4 })).toBe('cancelled');
    expect(signupTabToOpen({ pending: 0, confirmed: 0, waitlisted: 0, cancelled: 0 })).toBe('confirmed');
    expect(signupTabToOpen(null)).toBe('confirmed');
    expect(signupTabLabel('报名成功', 3)).toBe('报名成功（3）');
  });
});

describe('visitorApplicationView: the visitor home shows the submitted application', () => {
  const app = (over: Partial<MyApplicationResponse>) =>
    ({
      status: 'pending_review',
      green: false,
      rejectReason: null,
      memberNo: null,
      station: { id: 4, name: '平湖派出所' },
      ...over,
    }) as MyApplicationResponse;
  it('says which step it is at', () => {
    expect(visitorApplicationView(null)).toBeNull();
    expect(visitorApplicationView(app({}))).toMatchObject({ step: '社区审核中', progress: '第 1 步，共 2 步' });
    expect(visitorApplicationView(app({ status: 'pending_approval' }))).toMatchObject({
      step: '分局审核中',
      progress: '第 2 步，共 2 步',
    });
    expect(visitorApplicationView(app({ green: true }))?.step).toContain('绿色通道');
  });
  it('a rejection shows the reason and 修改后重新提交', () => {
    const view = visitorApplicationView(app({ status: 'rejected', rejectReason: '驻勤点填写有误' }));
    expect(view).toMatchObject({
      step: '未通过审核',
      reason: '驻勤点填写有误',
      action: { label: '修改后重新提交', url: `${PAGES.apply}?resubmit=1` },
    });
  });
});

describe('age at the ID step, with the bounds the server uses', () => {
  const rule = { bounds: { min: 18, max: 65 }, today: '2026-11-30' };
  it('a 1955 ID number gets no ✓ but the reason', () => {
    const hint = idNumberHint('340504195505053014', rule);
    expect(hint.kind).toBe('error');
    expect(hint.kind === 'error' && hint.message).toContain('已超过 65 周岁');
    expect(
      validateStep({ ...emptyForm(), name: '老张', idNumber: '340504195505053014' }, 2, {
        phoneReady: true,
        agreementVersion: null,
        age: rule,
      }).idNumber,
    ).toContain('18–65');
  });
  it('the bounds come from the server', () => {
    expect(ageMessage('1955-05-05', { bounds: { min: 18, max: 75 }, today: '2026-11-30' })).toBeNull();
    expect(ageMessage('2010-01-01', rule)).toContain('未满 18 周岁');
    expect(idNumberHint('340504199008153012', rule).kind).toBe('ok');
  });
});

describe('the draft keeps what the person did', () => {
  it('the chosen company survives by name (to find it again beyond the first 50)', () => {
    const form = { ...emptyForm(), occupation: 'security_guard' as const, companyId: 77, companyName: '远方保安公司' };
    expect(fromDraft(toDraft(form))).toMatchObject({ companyId: 77, companyName: '远方保安公司' });
  });
  it("a phone verification is kept for WeChat's 5 minutes", () => {
    const now = new Date('2026-11-30T01:00:00Z');
    const stored = (msAgo: number) => ({
      draft: {},
      savedAt: now.toISOString(),
      phone: { code: 'c', at: new Date(now.getTime() - msAgo).toISOString() },
    });
    expect(usablePhone(stored(60_000), now)).toEqual({ code: 'c', at: '2026-11-30T00:59:00.000Z' });
    expect(usablePhone(stored(PHONE_CODE_TTL_MS + 1), now)).toBeNull();
    expect(usablePhone({ draft: {}, savedAt: now.toISOString() }, now)).toBeNull();
  });
});

describe('locationErrorMessage names the button the page shows', () => {
  it('重新定位 on the activity pages, the check-in button on the check-in page', () => {
    expect(locationErrorMessage({ errMsg: 'getLocation:fail auth deny' })).toContain('点“重新定位”');
    expect(locationErrorMessage({ errMsg: 'timeout' }, '定位签到')).toContain('点“定位签到”');
  });
});

describe('placeServerError: the neutral "already registered" answer sits beside the ID number', () => {
  it('on step 2', async () => {
    const { placeServerError } = await import('../../src/logic/application-form');
    expect(placeServerError({ code: 'ID_NUMBER_ALREADY_REGISTERED', message: '该身份证号已有登记记录' })).toMatchObject(
      { field: 'idNumber', step: 2 },
    );
  });
});
