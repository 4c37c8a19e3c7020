import type { ActivityResponse, MySignupResponse } from '@jianghuai/shared';
import { CHECKIN_EARLY_MINUTES, checkinWindowProblem, formatDistance, type GeofenceView } from './activities';

/**
 * The check-in hint under the map of the detail page: distance in words, and whether check-in
 * works now — only for a confirmed sign-up, inside the area and inside the window (the same rules
 * the server applies). A waitlisted or pending sign-up, or none, never reads "可以签到".
 */
export interface CheckinHint {
  text: string;
  /** True only when a check-in now would be accepted (as far as the phone can tell). */
  canCheckIn: boolean;
}

export function checkinHint(
  a: Pick<ActivityResponse, 'startAt' | 'endAt' | 'status' | 'mySignup'> & { location: { radiusM: number } },
  fence: Pick<GeofenceView, 'distanceM' | 'inside' | 'message'>,
  now: Date,
  earlyMinutes = CHECKIN_EARLY_MINUTES,
): CheckinHint {
  const where = `您距活动地点约 ${formatDistance(fence.distanceM)}`;
  const area = fence.inside ? '在签到范围内' : `签到范围是 ${a.location.radiusM} 米以内`;
  const none = (why: string): CheckinHint => ({ text: `${where}，${area}。${why}`, canCheckIn: false });
  if (a.status === 'cancelled') return none('活动已取消，不需要签到。');
  const s: MySignupResponse | null | undefined = a.mySignup;
  if (!s || s.status === 'cancelled' || s.status === 'rejected')
    return none(`报名成功后，活动开始前 ${earlyMinutes} 分钟起可以在这里签到。`);
  if (s.status === 'waitlisted') return none('您还在候补，补上名额后才能签到。');
  if (s.status === 'pending') return none('您的报名还在等民警确认，确认后才能签到。');
  if (s.checkoutAt) return none('您已签退。');
  if (s.checkinAt) return none('您已签到，离开前请签退。');
  const closed = checkinWindowProblem(a, now, earlyMinutes);
  if (closed) return none(closed);
  return { text: fence.message, canCheckIn: fence.inside };
}

/**
 * The list card right after the person's sign-up, before the server's fresh copy arrives: the
 * place taken or the waitlist grown, so the count on screen is never the stale one.
 */
export function activityAfterSignup<T extends Pick<ActivityResponse, 'placesLeft' | 'waitlistCount' | 'mySignup'>>(
  a: T,
  s: MySignupResponse,
): T {
  const before = a.mySignup?.status;
  // only a confirmed sign-up holds a place (an officer-confirmed one waits without holding it)
  const held = (st: string | undefined) => st === 'confirmed';
  let placesLeft = a.placesLeft;
  let waitlistCount = a.waitlistCount;
  if (held(s.status) && !held(before)) placesLeft = Math.max(0, placesLeft - 1);
  if (!held(s.status) && held(before)) placesLeft += 1;
  if (s.status === 'waitlisted' && before !== 'waitlisted') waitlistCount += 1;
  if (s.status !== 'waitlisted' && before === 'waitlisted') waitlistCount = Math.max(0, waitlistCount - 1);
  return { ...a, placesLeft, waitlistCount, mySignup: s };
}
