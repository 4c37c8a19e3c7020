import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { attendancePoints, overlapMinutes, type ConfirmAttendanceResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { AuditService } from '../audit/audit.service.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { advanceByClock, findActivityInScope } from './activity-access.js';
import type { AttendanceItemDto } from './dto/signup.dto.js';
import type { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Staff confirm attendance in bulk (docs/product.md#activities). Each sign-up is decided once: a conditional UPDATE
 * from `unconfirmed` locks its minutes, and in the same transaction the ledger credits points under
 * the key `activity-attendance:<signupId>` and the volunteer's service time and last duty date move.
 * Confirming again finds nothing to update and credits nothing.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: PointsLedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly volunteers: VolunteerQueries,
  ) {}

  async confirm(actor: Actor, activityId: number, items: AttendanceItemDto[]): Promise<ConfirmAttendanceResponse> {
    const a = await advanceByClock(
      this.ds.manager,
      await findActivityInScope(this.ds.manager, actor, activityId),
      this.clock.now(),
    );
    if (a.status !== 'finished') throw new AppException('ATTENDANCE_NOT_ALLOWED', { status: a.status });
    const out: ConfirmAttendanceResponse = { confirmed: [], absent: [], unchanged: [] };
    const seen = new Set<number>();
    for (const item of items) {
      if (seen.has(item.signupId)) continue;
      seen.add(item.signupId);
      const s = await this.ds.getRepository(ActivitySignup).findOneBy({ id: item.signupId, activityId });
      if (!s || s.status !== 'confirmed') throw AppException.notFound({ signupId: item.signupId });
      if (s.attendance !== 'unconfirmed') {
        out.unchanged.push(s.id);
        continue;
      }
      const open = this.assertDecidable(a, s, item);
      await this.ds.transaction((m) =>
        item.present ? this.markPresent(m, actor, a, s, item, open, out) : this.markAbsent(m, actor, a, s, out),
      );
    }
    return out;
  }

  /** Refuses an item the officer has not given enough to decide; says whether the volunteer is still checked in. */
  private assertDecidable(a: Activity, s: ActivitySignup, item: AttendanceItemDto): boolean {
    if (item.present && !s.checkinAt && !item.manualMinutes)
      throw new AppException('ATTENDANCE_MINUTES_REQUIRED', { signupId: s.id });
    if (item.manualMinutes && !item.manualNote)
      throw new AppException('ATTENDANCE_MINUTES_REQUIRED', {
        signupId: s.id,
        field: 'manualNote',
      });
    // Checked in, never out: confirming would lock 0 minutes. The officer decides — the overlap up
    // to the end (recorded like the automatic check-out, flagged) or minutes added by hand.
    const open = item.present && !!s.checkinAt && !s.checkoutAt;
    if (open && !item.checkoutAtEnd && !item.manualMinutes)
      throw new AppException('ATTENDANCE_NOT_CHECKED_OUT', {
        signupId: s.id,
        proposedMinutes: overlapMinutes(s.checkinAt!, a.endAt, a.startAt, a.endAt),
      });
    return open;
  }

  private async markAbsent(
    m: EntityManager,
    actor: Actor,
    a: Activity,
    s: ActivitySignup,
    out: ConfirmAttendanceResponse,
  ): Promise<void> {
    const now = this.clock.now();
    const res = await m
      .getRepository(ActivitySignup)
      .update(
        { id: s.id, attendance: 'unconfirmed' },
        { attendance: 'absent', confirmedAt: now, confirmedByUserId: actor.userId, updatedAt: now },
      );
    if (res.affected) out.absent.push(s.id);
    else out.unchanged.push(s.id);
    await this.audit.record(m, actor, {
      action: 'activity.attendance.absent',
      targetType: 'activity_signup',
      targetId: String(s.id),
      orgUnitId: a.orgUnitId,
    });
  }

  /** Locks the minutes, credits the points and the service time, and audits — all or nothing, once. */
  private async markPresent(
    m: EntityManager,
    actor: Actor,
    a: Activity,
    s: ActivitySignup,
    item: AttendanceItemDto,
    open: boolean,
    out: ConfirmAttendanceResponse,
  ): Promise<void> {
    const now = this.clock.now();
    const closeAtEnd = open && !!item.checkoutAtEnd;
    const checked = closeAtEnd ? overlapMinutes(s.checkinAt!, a.endAt, a.startAt, a.endAt) : (s.checkedMinutes ?? 0);
    const manual = item.manualMinutes ?? 0;
    const minutes = checked + manual;
    const points = attendancePoints(a.pointsRule, a.pointsAmount, minutes, a.pointsFactorPct);
    const res = await m.getRepository(ActivitySignup).update(
      { id: s.id, attendance: 'unconfirmed' },
      {
        ...(closeAtEnd ? { checkoutAt: a.endAt, autoCheckedOut: true, checkedMinutes: checked } : {}),
        attendance: 'confirmed',
        confirmedMinutes: minutes,
        manualMinutes: manual,
        manualNote: item.manualNote ?? null,
        pointsAwarded: points,
        confirmedAt: now,
        confirmedByUserId: actor.userId,
        updatedAt: now,
      },
    );
    if (!res.affected) return void out.unchanged.push(s.id);
    await this.ledger.post(m, {
      userId: s.userId,
      volunteerId: s.volunteerId,
      type: 'activity',
      amount: points,
      sourceType: 'activity_signup',
      sourceId: String(s.id),
      description: `参加活动：${a.title}`,
      idempotencyKey: `activity-attendance:${s.id}`,
      awardingOrgId: a.orgUnitId,
      awardingOrgPath: a.orgPath,
      createdByUserId: actor.userId,
    });
    await this.volunteers.recordServiceTime(m, s.volunteerId, minutes, a.endAt);
    await this.audit.record(m, actor, {
      action: 'activity.attendance.confirm',
      targetType: 'activity_signup',
      targetId: String(s.id),
      orgUnitId: a.orgUnitId,
      after: {
        checkedMinutes: checked,
        ...(closeAtEnd ? { checkedOutAtEnd: true } : {}),
        manualMinutes: manual,
        manualNote: item.manualNote ?? null,
        points,
      },
    });
    out.confirmed.push({ signupId: s.id, minutes, points });
  }
}
