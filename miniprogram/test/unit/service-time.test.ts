import { describe, expect, it } from 'vitest';
import type { SignupAdminResponse } from '@jianghuai/shared';
import { checkoutPrompt, attendanceRowView } from '../../src/logic/service-time';
import { attendanceItems, attendanceWarning, undecidedRow, type AttendanceRow } from '../../src/logic/activity-admin';
import { everyLine, jobResultLine, nextRunLine } from '../../src/logic/jobs';

const act = { startAt: '2026-11-30T01:00:00Z', endAt: '2026-11-30T03:00:00Z' }; // 09:00–11:00 Shanghai

describe('checkoutPrompt (the step before 签退)', () => {
  it('before the start: not offered, says when it starts', () => {
    const p = checkoutPrompt(act, '2026-11-30T00:40:00Z', new Date('2026-11-30T00:50:00Z'));
    expect(p.allowed).toBe(false);
    expect(p.text).toContain('活动还没开始（09:00 开始）');
  });
  it('during the activity: allowed, warns it ends later and counts only up to now', () => {
    const p = checkoutPrompt(act, '2026-11-30T00:40:00Z', new Date('2026-11-30T02:00:00Z'));
    expect(p).toEqual({
      allowed: true,
      text: '活动要到 11:00 才结束，现在签退只计到现在。确认签退吗？本次服务时长约 1 小时，签退后不能再改。',
    });
  });
  it('after the end: counts up to the end only', () => {
    expect(checkoutPrompt(act, '2026-11-30T01:30:00Z', new Date('2026-11-30T05:00:00Z')).text).toBe(
      '确认签退吗？本次服务时长约 1 小时 30 分钟，签退后不能再改。',
    );
  });
});

function signup(over: Partial<SignupAdminResponse> = {}): SignupAdminResponse {
  return {
    id: 1,
    status: 'confirmed',
    waitlistPosition: null,
    checkinAt: '2026-11-30T01:10:00Z',
    checkinMethod: 'location',
    checkoutAt: null,
    autoCheckedOut: false,
    checkedMinutes: null,
    attendance: 'unconfirmed',
    confirmedMinutes: null,
    manualMinutes: 0,
    pointsAwarded: 0,
    createdAt: '2026-11-29T01:00:00Z',
    volunteer: { id: 1, memberNo: 'M1', name: '张伟', tier: 'basic' },
    checkinDistanceM: 5,
    manualNote: null,
    flagged: true,
    notCheckedOut: true,
    zeroMinutes: false,
    proposedMinutes: 110,
    ...over,
  } as SignupAdminResponse;
}

describe('attendance rows not checked out or with 0 minutes', () => {
  it('flags a row never checked out and offers the overlap to the end', () => {
    expect(attendanceRowView(signup())).toMatchObject({
      badges: ['未签退'],
      needsDecision: true,
      proposedMinutes: 110,
      minutesLine: '已签到，未签退',
    });
  });
  it('flags a 0-minute row and labels manual minutes as manual', () => {
    expect(
      attendanceRowView(
        signup({
          checkoutAt: '2026-11-30T01:10:00Z',
          checkedMinutes: 0,
          notCheckedOut: false,
          zeroMinutes: true,
          proposedMinutes: null,
        }),
      ).badges,
    ).toEqual(['0 分钟']);
    const manual = attendanceRowView(
      signup({
        attendance: 'confirmed',
        checkoutAt: '2026-11-30T03:00:00Z',
        checkedMinutes: 0,
        confirmedMinutes: 45,
        manualMinutes: 45,
        notCheckedOut: false,
        zeroMinutes: true,
      }),
    );
    expect(manual.badges).toContain('人工补录');
    expect(manual.minutesLine).toBe('签到 0 分钟 + 人工补录 45 分钟');
  });
  it('an undecided row blocks confirming; a decision becomes checkoutAtEnd or manual minutes with the note', () => {
    const row: AttendanceRow = { signup: signup(), open: true, present: true };
    expect(undecidedRow([row])).toBe(row);
    expect(attendanceWarning(row)).toContain('已签到但没有签退');
    expect(attendanceItems([{ ...row, decision: { kind: 'end' } }])).toEqual([
      { signupId: 1, present: true, checkoutAtEnd: true },
    ]);
    expect(attendanceItems([{ ...row, decision: { kind: 'manual', minutes: 40, note: '提前离开' } }])).toEqual([
      { signupId: 1, present: true, manualMinutes: 40, manualNote: '提前离开' },
    ]);
    expect(undecidedRow([{ ...row, decision: { kind: 'end' } }])).toBeUndefined();
    expect(attendanceItems([{ ...row, present: false }])).toEqual([{ signupId: 1, present: false }]);
  });
});

describe('jobs page: schedule in words', () => {
  it('says how often and when next', () => {
    expect(everyLine(1440)).toBe('每天运行');
    expect(everyLine('quarterly')).toBe('每季度第一天运行');
    expect(everyLine(1)).toBe('每分钟运行');
    expect(nextRunLine({ every: 1440, nextRunAt: '2026-12-01T02:00:00Z' }, Date.parse('2026-11-30T02:00:00Z'))).toBe(
      '每天运行，下次运行 2026-12-01 10:00',
    );
    expect(nextRunLine({ every: 1, nextRunAt: '2026-11-30T02:00:30Z' }, Date.parse('2026-11-30T02:00:00Z'))).toBe(
      '每分钟运行，下次运行 即将运行',
    );
    expect(nextRunLine({ every: 1440, nextRunAt: null })).toBe('本服务器未开启定时运行，只能手动运行');
    expect(jobResultLine({ tried: 2, sent: 1 })).toBe('重试 2 条，推送成功 1 条');
  });
});
