import { describe, expect, it } from 'vitest';
import type { SignupAdminResponse } from '@jianghuai/shared';
import {
  attendanceItems,
  attendanceProblem,
  attendanceSummary,
  attendanceWarning,
  initialAttendance,
  reviewSummary,
  staffActions,
  validateReason,
} from '../../src/logic/activity-admin';
import { acceptedTemplates, createTemplateIds, SIGNUP_TEMPLATES } from '../../src/logic/subscribe';
import { formatPointsAmount, ledgerLine } from '../../src/logic/points';

const s = (id: number, over: Partial<SignupAdminResponse> = {}): SignupAdminResponse => ({
  id,
  activityId: 7,
  status: 'confirmed',
  waitlistPosition: null,
  checkinAt: '2026-12-01T01:00:00Z',
  checkinMethod: 'location',
  checkoutAt: null,
  autoCheckedOut: false,
  checkedMinutes: null,
  attendance: 'unconfirmed',
  confirmedMinutes: null,
  manualMinutes: 0,
  pointsAwarded: 0,
  createdAt: '2026-11-28T00:00:00Z',
  volunteer: { id, memberNo: `M${id}`, name: `义警${id}`, tier: 'basic' },
  checkinDistanceM: 20,
  manualNote: null,
  flagged: false,
  notCheckedOut: false,
  zeroMinutes: false,
  proposedMinutes: null,
  ...over,
});

describe('staffActions', () => {
  it('by state', () => {
    expect(staffActions({ status: 'draft', proposal: null })).toEqual(['publish', 'edit', 'cancel']);
    expect(staffActions({ status: 'published', proposal: null })).toEqual(['qr', 'edit', 'cancel']);
    expect(staffActions({ status: 'ongoing', proposal: null })).toEqual(['qr', 'attendance']);
    expect(staffActions({ status: 'finished', proposal: null })).toEqual(['attendance', 'settle']);
    expect(staffActions({ status: 'settled', proposal: null })).toEqual([]);
    expect(staffActions({ status: 'cancelled', proposal: null })).toEqual([]);
  });
  it('a pending proposal is approved or rejected, not published directly', () => {
    expect(
      staffActions({ status: 'draft', proposal: { status: 'pending', proposedBy: '王经理', rejectReason: null } }),
    ).toEqual(['approve', 'reject', 'edit']);
  });
});

describe('validateReason', () => {
  it('needs a couple of words, at most 200', () => {
    expect(validateReason(' ')).toContain('请写明原因');
    expect(validateReason('暴雨')).toBeNull();
    expect(validateReason('很'.repeat(201))).toContain('200');
  });
});

describe('bulk attendance', () => {
  it('ticks who checked in, leaves the rest, locks decided rows, skips non-confirmed', () => {
    const rows = initialAttendance([
      s(1),
      s(2, { checkinAt: null, checkinMethod: null }),
      s(3, { attendance: 'confirmed', pointsAwarded: 10 }),
      s(4, { status: 'waitlisted' }),
    ]);
    expect(rows.map((r) => [r.signup.id, r.open, r.present])).toEqual([
      [1, true, true],
      [2, true, false],
      [3, false, true],
    ]);
    expect(attendanceItems(rows)).toEqual([
      { signupId: 1, present: true },
      { signupId: 2, present: false },
    ]);
    expect(attendanceSummary(rows)).toContain('将确认 1 人出勤、1 人缺勤');
    expect(attendanceSummary(rows.filter((r) => !r.open))).toBe('出勤已全部确认。');
  });
  it('warns about present-without-check-in and automatic check-outs', () => {
    expect(attendanceWarning({ signup: s(2, { checkinAt: null }), open: true, present: true })).toContain(
      '没有签到记录',
    );
    expect(attendanceWarning({ signup: s(1, { autoCheckedOut: true }), open: true, present: true })).toContain(
      '自动签退',
    );
    expect(attendanceWarning({ signup: s(1), open: true, present: true })).toBeNull();
  });
});

describe('attendanceProblem', () => {
  it('refuses present without a check-in first, then a check-in without check-out and no timing chosen', () => {
    const noCheckin = { signup: s(2, { checkinAt: null }), open: true, present: true };
    const notOut = { signup: s(3, { notCheckedOut: true }), open: true, present: true };
    expect(attendanceProblem([notOut, noCheckin])).toBe('义警2 没有签到记录，不能直接算出勤。请取消勾选后再确认。');
    expect(attendanceProblem([notOut])).toBe('义警3 已签到但没有签退，请先选择怎样计时。');
    expect(attendanceProblem([{ ...notOut, decision: { kind: 'end' as const } }])).toBeNull();
    expect(
      attendanceProblem([
        { ...noCheckin, present: false },
        { ...notOut, open: false },
      ]),
    ).toBeNull();
  });
});

describe('subscribe consent', () => {
  const memory = () => {
    let kept: Record<string, string> | null = null;
    return { read: () => kept, write: (ids: Record<string, string>) => void (kept = ids), kept: () => kept };
  };

  it('maps the accepted WeChat template ids back to the server keys', () => {
    const ids = createTemplateIds(memory()).idsOf(SIGNUP_TEMPLATES);
    const answer = {
      errMsg: 'requestSubscribeMessage:ok',
      [ids.signup_result]: 'accept',
      [ids.activity_reminder]: 'reject',
      [ids.activity_changed]: 'accept',
    };
    expect(acceptedTemplates(answer, ids)).toEqual(['signup_result', 'activity_changed']);
    expect(acceptedTemplates({ errMsg: 'x' }, ids)).toEqual([]);
  });

  it('uses the ids the server serves, keeps them for an offline launch, and falls back to the sandbox ids', async () => {
    const storage = memory();
    const first = createTemplateIds(storage);
    expect(first.idOf('signup_result')).toBe('sandbox-tmpl-signup_result');
    const served = { signup_result: 'Tq8-real-signup', application_result: 'Tq8-real-result' } as never;
    await first.load(async () => ({ subscribeTemplates: served }));
    expect(first.idsOf(['signup_result', 'application_result'])).toEqual({
      signup_result: 'Tq8-real-signup',
      application_result: 'Tq8-real-result',
    });
    // a key the server left out still has an id to ask for
    expect(first.idOf('activity_changed')).toBe('sandbox-tmpl-activity_changed');
    // next launch, offline: the stored ids stand
    const offline = createTemplateIds(storage);
    await offline.load(async () => {
      throw new Error('network');
    });
    expect(offline.idOf('signup_result')).toBe('Tq8-real-signup');
  });
});

describe('points ledger lines', () => {
  it('signs amounts in text and marks a reversed entry', () => {
    expect(formatPointsAmount(10)).toBe('+10');
    expect(formatPointsAmount(-5)).toBe('-5');
    expect(formatPointsAmount(0)).toBe('0');
    const line = ledgerLine({
      typeLabel: '参加活动',
      description: '参加活动：巡逻',
      createdAt: '2026-12-01T03:00:00Z',
      reversedById: 9,
      awardingOrg: { id: 3, name: '平湖派出所' },
    });
    expect(line).toEqual({
      title: '参加活动：巡逻',
      meta: '2026-12-01 11:00 · 平湖派出所',
      note: '此笔已被冲正（撤回）',
    });
  });
});

describe('reviewSummary', () => {
  it('says how many were confirmed, rejected, left out for lack of places, or already handled', () => {
    expect(reviewSummary({ confirmed: [1, 2], rejected: [], full: [3], skipped: [4] })).toBe(
      '已确认 2 人，1 人因名额已满未能确认，1 人此前已处理。',
    );
    expect(reviewSummary({ confirmed: [], rejected: [5], full: [], skipped: [] })).toBe('已拒绝 1 人。');
    expect(reviewSummary({ confirmed: [], rejected: [], full: [], skipped: [] })).toBe('没有需要处理的报名。');
  });
});
