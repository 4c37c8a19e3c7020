import {
  ACTIVITY_TYPE_LABELS,
  attendancePoints,
  overlapMinutes,
  type ActivityResponse,
  type MyActivityResponse,
  type MySignupResponse,
  type SignupAdminResponse,
} from '@jianghuai/shared';
import type { Activity } from './entities/activity.entity.js';
import type { ActivitySignup } from './entities/activity-signup.entity.js';

export interface ActivityExtras {
  orgName: string;
  waitlistCount: number;
  mySignup?: MySignupResponse | null;
  distanceM?: number | null;
}

export function toActivityResponse(a: Activity, x: ActivityExtras): ActivityResponse {
  return {
    id: a.id,
    title: a.title,
    type: a.type,
    typeLabel: ACTIVITY_TYPE_LABELS[a.type],
    description: a.description,
    orgUnit: { id: a.orgUnitId, name: x.orgName },
    location: { address: a.address, lat: a.lat, lng: a.lng, radiusM: a.radiusM },
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    signupDeadline: a.signupDeadline.toISOString(),
    cancelDeadline: a.cancelDeadline.toISOString(),
    capacity: a.capacity,
    confirmedCount: a.confirmedCount,
    placesLeft: Math.max(0, a.capacity - a.confirmedCount),
    waitlistCount: x.waitlistCount,
    minHeadcount: a.minHeadcount,
    requirements: a.requirements,
    riskLevel: a.riskLevel,
    pointsRule: a.pointsRule,
    pointsAmount: a.pointsAmount,
    pointsFactorPct: a.pointsFactorPct,
    effectivePoints: attendancePoints('per_activity', a.pointsAmount, 0, a.pointsFactorPct),
    mode: a.mode,
    signupMode: a.signupMode,
    status: a.status,
    proposal: a.proposalStatus
      ? { status: a.proposalStatus, proposedBy: a.proposedByName ?? '', rejectReason: a.proposalRejectReason }
      : null,
    cancelReason: a.cancelReason,
    teamId: a.teamId,
    distanceM: x.distanceM ?? null,
    mySignup: x.mySignup ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toMySignupResponse(s: ActivitySignup, waitlistPosition: number | null = null): MySignupResponse {
  return {
    id: s.id,
    activityId: s.activityId,
    status: s.status,
    waitlistPosition: s.status === 'waitlisted' ? waitlistPosition : null,
    checkinAt: s.checkinAt?.toISOString() ?? null,
    checkinMethod: s.checkinMethod,
    checkoutAt: s.checkoutAt?.toISOString() ?? null,
    autoCheckedOut: !!s.autoCheckedOut,
    checkedMinutes: s.checkedMinutes,
    attendance: s.attendance,
    confirmedMinutes: s.confirmedMinutes,
    manualMinutes: s.manualMinutes,
    pointsAwarded: s.pointsAwarded,
    createdAt: s.createdAt.toISOString(),
  };
}

export function toMyActivityResponse(
  s: ActivitySignup,
  a: Activity,
  waitlistPosition: number | null,
): MyActivityResponse {
  return {
    ...toMySignupResponse(s, waitlistPosition),
    activity: {
      id: a.id,
      title: a.title,
      type: a.type,
      startAt: a.startAt.toISOString(),
      endAt: a.endAt.toISOString(),
      status: a.status,
      address: a.address,
    },
  };
}

export function toSignupAdminResponse(
  s: ActivitySignup,
  v: { id: number; memberNo: string; name: string; tier: SignupAdminResponse['volunteer']['tier'] },
  waitlistPosition: number | null,
  a: { startAt: Date; endAt: Date },
): SignupAdminResponse {
  const notCheckedOut = !!s.checkinAt && !s.checkoutAt;
  return {
    ...toMySignupResponse(s, waitlistPosition),
    volunteer: v,
    checkinDistanceM: s.checkinDistanceM,
    manualNote: s.manualNote,
    flagged: !!s.autoCheckedOut || s.manualMinutes > 0 || notCheckedOut || (!!s.checkoutAt && !s.checkedMinutes),
    notCheckedOut,
    zeroMinutes: !!s.checkoutAt && !s.checkedMinutes,
    proposedMinutes: notCheckedOut ? overlapMinutes(s.checkinAt!, a.endAt, a.startAt, a.endAt) : null,
  };
}
