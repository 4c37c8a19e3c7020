import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { businessDateTime } from '@jianghuai/shared';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserQueries } from '../users/user-queries.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { CheckinService } from './checkin.service.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Clock-driven work: lifecycle by the clock, automatic check-out, the under-filled warning, the
 * reminder before the start. The jobs module runs them on their schedule under a database lease
 * (jobs `activity-upkeep` and `activity-reminders`); every step is also a conditional UPDATE, so a
 * rerun changes nothing twice.
 */
@Injectable()
export class ActivityJobsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(activitiesConfig.KEY) private readonly config: ActivitiesConfig,
    private readonly checkins: CheckinService,
    private readonly notifications: NotificationsService,
    private readonly signups: SignupService,
    private readonly clock: Clock,
    private readonly users: UserQueries,
  ) {}

  async runAll(now = this.clock.now()): Promise<{
    started: number;
    finished: number;
    autoCheckedOut: number;
    underfilledWarned: number;
    promoted: number;
  }> {
    const { started, finished } = await this.advanceLifecycle(now);
    return {
      started,
      finished,
      autoCheckedOut: await this.checkins.autoCheckout(now),
      underfilledWarned: await this.warnUnderfilled(now),
      promoted: await this.fillFreePlaces(),
    };
  }

  async advanceLifecycle(now = this.clock.now()): Promise<{ started: number; finished: number }> {
    const repo = this.ds.getRepository(Activity);
    const started = await repo
      .createQueryBuilder()
      .update()
      .set({ status: 'ongoing', updatedAt: now })
      .where("status = 'published' AND startAt <= :now", { now })
      .execute();
    const finished = await repo
      .createQueryBuilder()
      .update()
      .set({ status: 'finished', updatedAt: now })
      .where("status = 'ongoing' AND endAt <= :now", { now })
      .execute();
    return { started: started.affected ?? 0, finished: finished.affected ?? 0 };
  }

  /**
   * Safety net: a sign-up left waitlisted while a place is free (a server stopped between the
   * insert and the place-taking UPDATE, or capacity was raised) is promoted in arrival order.
   */
  async fillFreePlaces(): Promise<number> {
    const open = await this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.title'])
      .where("a.status = 'published' AND a.confirmedCount < a.capacity AND a.signupMode = 'instant'")
      .andWhere("EXISTS (SELECT 1 FROM activity_signups s WHERE s.activityId = a.id AND s.status = 'waitlisted')")
      .getMany();
    let promoted = 0;
    for (const a of open) {
      const ids = await this.ds.transaction((m) => this.signups.promoteWaitlist(m, a.id, a.title));
      promoted += ids.length;
      await this.notifications.push(ids);
    }
    return promoted;
  }

  /**
   * The reminder asked for at sign-up (docs/product.md#notifications): every confirmed sign-up of an activity starting
   * within `reminderMinutesBefore` gets one `activity_reminder` message. Claimed per sign-up with a
   * conditional UPDATE on `reminderSentAt IS NULL` in the transaction that writes the message, so a
   * rerun or a second instance sends nothing twice; the push goes after commit.
   */
  async remindStartingSoon(now = this.clock.now()): Promise<number> {
    const until = new Date(now.getTime() + this.config.reminderMinutesBefore * 60_000);
    const due = await this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .innerJoin(Activity, 'a', 'a.id = s.activityId')
      .select([
        's.id AS sid',
        's.userId AS userId',
        's.activityId AS activityId',
        'a.title AS title',
        'a.startAt AS startAt',
        'a.address AS address',
      ])
      .where("s.status = 'confirmed' AND s.reminderSentAt IS NULL AND s.checkinAt IS NULL")
      .andWhere("a.status IN ('published', 'ongoing') AND a.startAt > :now AND a.startAt <= :until", { now, until })
      .orderBy('s.id', 'ASC')
      .limit(2000)
      .getRawMany<{
        sid: number;
        userId: number;
        activityId: number;
        title: string;
        startAt: Date | string;
        address: string;
      }>();
    let sent = 0;
    for (const row of due) {
      const when = businessDateTime(new Date(row.startAt), this.clock.zone);
      const id = await this.ds.transaction(async (m) => {
        const res = await m
          .getRepository(ActivitySignup)
          .update({ id: Number(row.sid), reminderSentAt: IsNull() }, { reminderSentAt: now });
        if (!res.affected) return null;
        return this.notifications.create(m, {
          userId: Number(row.userId),
          template: 'activity_reminder',
          title: '活动即将开始',
          body: `您报名的活动“${row.title}”将于 ${when} 开始，地点：${row.address}。到达后请签到。`,
          page: `pages/activity/detail?id=${row.activityId}`,
          data: { thing1: row.title.slice(0, 20), time2: when, thing3: row.address.slice(0, 20) },
        });
      });
      if (id) {
        sent++;
        await this.notifications.push([id]);
      }
    }
    return sent;
  }

  /** Below the minimum headcount at the sign-up deadline: the publisher (or the unit's staff) is told once. */
  async warnUnderfilled(now = this.clock.now()): Promise<number> {
    const due = await this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .where(
        "a.status IN ('published', 'ongoing') AND a.signupDeadline <= :now AND a.minHeadcount > a.confirmedCount AND a.underfilledWarnedAt IS NULL",
        { now },
      )
      .getMany();
    let warned = 0;
    for (const a of due) {
      const res = await this.ds
        .getRepository(Activity)
        .update({ id: a.id, underfilledWarnedAt: IsNull() }, { underfilledWarnedAt: now });
      if (!res.affected) continue;
      warned++;
      const staff = a.createdByUserId
        ? [a.createdByUserId]
        : (await this.users.findAtOrgUnits([a.orgUnitId], { id: true })).map((u) => u.id);
      for (const userId of staff) {
        await this.notifications.notify({
          userId,
          template: 'activity_changed',
          title: '报名人数不足',
          body: `活动“${a.title}”报名截止时仅 ${a.confirmedCount} 人，低于最低 ${a.minHeadcount} 人`,
          page: `admin-activities/detail/index?id=${a.id}`,
        });
      }
    }
    return warned;
  }
}
