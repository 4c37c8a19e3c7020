import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { attendancePoints, overlapMinutes, type ConfirmAttendanceResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { AuditService } from '../audit/audit.service.js';
import { creditText, PointsLedgerService } from '../points/points-ledger.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
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
 * Confirming again finds nothing to update and credits nothing. The volunteer is told once, in the same transaction:
 * 服务已确认：<活动> <日期> 服务 N 小时, with the points credited and the balance (one message for the one event),
 * pushed after the commit where they consented.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: PointsLedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly volunteers: VolunteerQueries,
    private readonly notifications: NotificationsService,
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
    const messages: number[] = [];
    try {
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
        const message = await this.ds.transaction((m) =>
          item.present ? this.markPresent(m, actor, a, s, item, open, out) : this.markAbsent(m, actor, a, s, out),
        );
        if (message) messages.push(message);
      }
    } finally {
      // the confirmations that committed are told even when a later item is refused
      await this.notifications.push(messages);
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
  ): Promise<null> {
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
    return null;
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
  ): Promise<number | null> {
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
    if (!res.affected) {
      out.unchanged.push(s.id);
      return null;
    }
    const credit = await this.ledger.post(m, {
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
      notify: false,
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
    return this.tellConfirmed(m, a, s, minutes, credit.posted ? credit.entry : null);
  }

  /** 服务已确认：<活动> <日期> 服务 N 小时，积分到账：+P，余额 M (the points part only when points were credited). */
  private tellConfirmed(
    m: EntityManager,
    a: Activity,
    s: ActivitySignup,
    minutes: number,
    credit: { amount: number; balanceAfter: number } | null,
  ): Promise<number> {
    const date = this.clock.today(a.startAt);
    const hours = serviceHours(minutes);
    const service = `服务已确认：${a.title} ${date} 服务 ${hours} 小时`;
    return this.notifications.create(m, {
      userId: s.userId,
      template: 'attendance_confirmed',
      title: '服务已确认',
      body: credit ? `${service}，${creditText(credit.amount, credit.balanceAfter)}` : service,
      page: 'pages/activity/mine',
      data: {
        thing1: a.title.slice(0, 20),
        date2: date,
        number3: hours,
        character_string4: credit ? `+${credit.amount}` : '0',
      },
    });
  }
}

/** Minutes as the hours a guard reads: 120 → "2", 90 → "1.5", 50 → "0.8" (one decimal, none when whole). */
export function serviceHours(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}
