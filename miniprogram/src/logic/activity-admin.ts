import {
  ACTIVITY_STATUSES,
  hasPermission,
  type ActivityResponse,
  type ActivityStatus,
  type AttendanceItem,
  type MeResponse,
  type SignupAdminResponse,
} from '@jianghuai/shared';

/** What staff may do with an activity in its current state (the server enforces the same). */
export type StaffAction = 'edit' | 'publish' | 'qr' | 'attendance' | 'settle' | 'cancel' | 'approve' | 'reject';

export function staffActions(a: Pick<ActivityResponse, 'status' | 'proposal'>): StaffAction[] {
  if (a.proposal?.status === 'pending') return ['approve', 'reject', 'edit'];
  switch (a.status) {
    case 'draft':
      return a.proposal?.status === 'rejected' ? ['edit'] : ['publish', 'edit', 'cancel'];
    case 'published':
      return ['qr', 'edit', 'cancel'];
    case 'ongoing':
      return ['qr', 'attendance'];
    case 'finished':
      return ['attendance', 'settle'];
    default:
      return [];
  }
}

/** Reasons for cancelling or rejecting: required, a few words at least, at most 200. */
export function validateReason(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 2) return '请写明原因（至少 2 个字），会通知给相关的人';
  if (r.length > 200) return '原因不能超过 200 个字';
  return null;
}

export interface AttendanceRow {
  signup: SignupAdminResponse;
  /** Still to decide (attendance unconfirmed). */
  open: boolean;
  /** Ticked as present. */
  present: boolean;
  /**
   * Checked in but never out: the officer's choice before it can count — the overlap up to the
   * end the server proposes, or minutes typed by hand (kept apart and labelled as manual).
   */
  decision?: { kind: 'end' } | { kind: 'manual'; minutes: number; note: string };
}

/**
 * Start of the bulk confirmation: everyone who checked in is ticked present, everyone who did not
 * is not (they need hand-added time to count). Already decided rows are shown but locked.
 */
export function initialAttendance(signups: SignupAdminResponse[]): AttendanceRow[] {
  return signups
    .filter((s) => s.status === 'confirmed')
    .map((s) => ({
      signup: s,
      open: s.attendance === 'unconfirmed',
      present: s.attendance === 'unconfirmed' ? !!s.checkinAt : s.attendance === 'confirmed',
    }));
}

/** The request items for the rows still open: ticked → present, unticked → absent. */
export function attendanceItems(rows: AttendanceRow[]): AttendanceItem[] {
  return rows
    .filter((r) => r.open)
    .map((r) => {
      const d = r.present ? r.decision : undefined;
      if (d?.kind === 'end') return { signupId: r.signup.id, present: true, checkoutAtEnd: true };
      if (d?.kind === 'manual')
        return { signupId: r.signup.id, present: true, manualMinutes: d.minutes, manualNote: d.note };
      return { signupId: r.signup.id, present: r.present };
    });
}

/** Checked in, never out, ticked present and not yet decided: confirming would be refused. */
export function undecidedRow(rows: AttendanceRow[]): AttendanceRow | undefined {
  return rows.find((r) => r.open && r.present && r.signup.notCheckedOut && !r.decision);
}

/** Why confirming these rows cannot go ahead yet (someone ticked present without a check-in, or a timing to choose). */
export function attendanceProblem(rows: AttendanceRow[]): string | null {
  const bad = rows.find((r) => r.open && r.present && !r.signup.checkinAt);
  if (bad) return `${bad.signup.volunteer.name} 没有签到记录，不能直接算出勤。请取消勾选后再确认。`;
  const undecided = undecidedRow(rows);
  if (undecided) return `${undecided.signup.volunteer.name} 已签到但没有签退，请先选择怎样计时。`;
  return null;
}

export function attendanceSummary(rows: AttendanceRow[]): string {
  const open = rows.filter((r) => r.open);
  const present = open.filter((r) => r.present).length;
  if (!open.length) return '出勤已全部确认。';
  return `将确认 ${present} 人出勤、${open.length - present} 人缺勤。确认后积分立即发放，不能修改。`;
}

/** A row that needs a look: no check-in ticked present, or checked out automatically. */
export function attendanceWarning(row: AttendanceRow): string | null {
  if (row.present && !row.signup.checkinAt)
    return '没有签到记录，不能直接算出勤（手工补录时长还没有做进小程序），请取消勾选。';
  if (row.present && row.signup.notCheckedOut && !row.decision)
    return '已签到但没有签退：请选择按签到至活动结束计时，或填写实际时长。';
  if (row.signup.zeroMinutes) return '签退时服务时长为 0 分钟，请核实。';
  if (row.signup.autoCheckedOut) return '没有签退，系统已在活动结束时自动签退，请核实。';
  return null;
}

/** The outcome of a bulk sign-up review in words (the server never fills beyond capacity). */
export function reviewSummary(r: {
  confirmed: number[];
  rejected: number[];
  full: number[];
  skipped: number[];
}): string {
  const parts: string[] = [];
  if (r.confirmed.length) parts.push(`已确认 ${r.confirmed.length} 人`);
  if (r.rejected.length) parts.push(`已拒绝 ${r.rejected.length} 人`);
  if (r.full.length) parts.push(`${r.full.length} 人因名额已满未能确认`);
  if (r.skipped.length) parts.push(`${r.skipped.length} 人此前已处理`);
  return parts.length ? `${parts.join('，')}。` : '没有需要处理的报名。';
}

/**
 * Officers with activity.manage get 新建活动 at every level: a station or community publishes for everyone,
 * a branch or the city for the stations under it (war-time call-outs) besides overseeing their activities.
 */
export function canPublishActivities(me: Pick<MeResponse, 'roles' | 'orgUnit'> | null): boolean {
  if (!me || !hasPermission(me.roles, 'activity.manage')) return false;
  return !!me.orgUnit;
}

/** The list's status filter from the page's `status` query (the 出勤确认 tile opens the finished ones). */
export function statusFilterFrom(param: string | undefined): 'all' | ActivityStatus {
  return (ACTIVITY_STATUSES as readonly string[]).includes(param ?? '') ? (param as ActivityStatus) : 'all';
}
