import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { logger } from '../../common/logging/logger.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { User } from '../users/user.entity.js';
import { ACTIVITIES_CONFIG, type ActivitiesConfig } from './activities.config.js';
import { CheckinService } from './checkin.service.js';
import { Activity } from './entities/activity.entity.js';
import { SignupService } from './signup.service.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Clock-driven work: lifecycle by the clock, automatic check-out, the under-filled warning.
 * Every step is a conditional UPDATE, so running it on several instances at once, or twice,
 * changes nothing twice; it needs no lease.
 */
@Injectable()
export class ActivityJobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ACTIVITIES_CONFIG) private readonly config: ActivitiesConfig,
    private readonly checkins: CheckinService,
    private readonly notifications: NotificationsService,
    private readonly signups: SignupService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsIntervalSeconds) return;
    this.timer = setInterval(() => void this.runAll().catch((err) => logger.warn('activity jobs failed', { error: String(err) })), this.config.jobsIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runAll(now = this.clock.now()): Promise<{ started: number; finished: number; autoCheckedOut: number; underfilledWarned: number; promoted: number }> {
    const { started, finished } = await this.advanceLifecycle(now);
    return { started, finished, autoCheckedOut: await this.checkins.autoCheckout(now), underfilledWarned: await this.warnUnderfilled(now), promoted: await this.fillFreePlaces() };
  }

  async advanceLifecycle(now = this.clock.now()): Promise<{ started: number; finished: number }> {
    const repo = this.ds.getRepository(Activity);
    const started = await repo.createQueryBuilder().update().set({ status: 'ongoing', updatedAt: now }).where("status = 'published' AND startAt <= :now", { now }).execute();
    const finished = await repo.createQueryBuilder().update().set({ status: 'finished', updatedAt: now }).where("status = 'ongoing' AND endAt <= :now", { now }).execute();
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

  /** Below the minimum headcount at the sign-up deadline: the publisher (or the unit's staff) is told once. */
  async warnUnderfilled(now = this.clock.now()): Promise<number> {
    const due = await this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .where("a.status IN ('published', 'ongoing') AND a.signupDeadline <= :now AND a.minHeadcount > a.confirmedCount AND a.underfilledWarnedAt IS NULL", { now })
      .getMany();
    let warned = 0;
    for (const a of due) {
      const res = await this.ds.getRepository(Activity).update({ id: a.id, underfilledWarnedAt: IsNull() }, { underfilledWarnedAt: now });
      if (!res.affected) continue;
      warned++;
      const staff = a.createdByUserId ? [a.createdByUserId] : (await this.ds.getRepository(User).find({ where: { orgUnitId: In([a.orgUnitId]) }, select: { id: true } })).map((u) => u.id);
      for (const userId of staff) {
        await this.notifications.notify({ userId, template: 'activity_changed', title: '报名人数不足', body: `活动“${a.title}”报名截止时仅 ${a.confirmedCount} 人，低于最低 ${a.minHeadcount} 人`, page: `admin-activities/detail/index?id=${a.id}` });
      }
    }
    return warned;
  }
}
