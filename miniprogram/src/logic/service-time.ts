import type { SignupAdminResponse } from '@jianghuai/shared';
import { formatDateTime } from './format';
import { formatMinutes } from './activities';

/** What the 签退 confirmation says, decided before anything is sent. */
export interface CheckoutPrompt {
  /** false before the start: the server refuses a check-out then (CHECKOUT_BEFORE_START). */
  allowed: boolean;
  text: string;
}

/**
 * The confirmation step before 签退: a check-out cannot be undone and counts service time only up
 * to now, so the volunteer is told what it means, and before the start it is not offered at all.
 */
export function checkoutPrompt(
  a: { startAt: string; endAt: string },
  checkinAt: string | null,
  now: Date,
): CheckoutPrompt {
  const start = new Date(a.startAt);
  const end = new Date(a.endAt);
  if (now < start)
    return {
      allowed: false,
      text: `活动还没开始（${formatDateTime(a.startAt).slice(11)} 开始），开始后才能签退。现在离开不计服务时长。`,
    };
  const from = checkinAt && new Date(checkinAt) > start ? new Date(checkinAt) : start;
  const until = now > end ? end : now;
  const minutes = Math.max(0, Math.floor((until.getTime() - from.getTime()) / 60_000));
  const early = now < end ? `活动要到 ${formatDateTime(a.endAt).slice(11)} 才结束，现在签退只计到现在。` : '';
  return { allowed: true, text: `${early}确认签退吗？本次服务时长约 ${formatMinutes(minutes)}，签退后不能再改。` };
}

/** Badges and the proposed decision for one row of the staff attendance list. */
export interface AttendanceRowView {
  /** Short labels shown on the row (未签退, 0 分钟, 自动签退, 人工补录). */
  badges: string[];
  /** Checked in, never out: the officer must choose before confirming present. */
  needsDecision: boolean;
  /** The overlap from check-in up to the end, offered to accept. */
  proposedMinutes: number | null;
  /** The minutes line as shown (checked minutes, or what confirmation locked, with manual minutes labelled). */
  minutesLine: string;
}

export function attendanceRowView(
  s: Pick<
    SignupAdminResponse,
    | 'checkinAt'
    | 'checkoutAt'
    | 'checkedMinutes'
    | 'confirmedMinutes'
    | 'manualMinutes'
    | 'autoCheckedOut'
    | 'attendance'
  > &
    Partial<Pick<SignupAdminResponse, 'notCheckedOut' | 'zeroMinutes' | 'proposedMinutes'>>,
): AttendanceRowView {
  const notCheckedOut = s.notCheckedOut ?? (!!s.checkinAt && !s.checkoutAt);
  const zero = s.zeroMinutes ?? (!!s.checkoutAt && !s.checkedMinutes);
  const badges: string[] = [];
  if (notCheckedOut) badges.push('未签退');
  if (zero) badges.push('0 分钟');
  if (s.autoCheckedOut) badges.push('按结束时间签退');
  if (s.manualMinutes > 0) badges.push('人工补录');
  const checked = s.attendance === 'confirmed' ? (s.confirmedMinutes ?? 0) - s.manualMinutes : (s.checkedMinutes ?? 0);
  const minutesLine =
    !s.checkinAt && !s.manualMinutes
      ? '未签到'
      : s.manualMinutes > 0
        ? `签到 ${formatMinutes(checked)} + 人工补录 ${formatMinutes(s.manualMinutes)}`
        : notCheckedOut
          ? '已签到，未签退'
          : `签到 ${formatMinutes(checked)}`;
  return {
    badges,
    needsDecision: notCheckedOut && s.attendance === 'unconfirmed',
    proposedMinutes: notCheckedOut ? (s.proposedMinutes ?? null) : null,
    minutesLine,
  };
}
