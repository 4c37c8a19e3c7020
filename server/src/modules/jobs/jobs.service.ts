import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  addCalendarDays,
  JOB_NAMES,
  LEVEL_THRESHOLDS_HOURS,
  PERMISSIONS,
  type JobLeaseResponse,
  type JobName,
  type JobRunResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { logger } from '../../common/logging/logger.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerDutyQueries } from '../volunteers/volunteer-duty-queries.js';
import type { UserRecord } from '../users/user-queries.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { JobLeaseService } from './job-lease.service.js';
import { JobReminder } from './job-reminder.entity.js';
import { nextRunAt } from './job-schedule.js';
import { jobsConfig, type JobScheduleConfig } from '../../config/jobs.config.js';
import { ActivityJobsService } from '../activities/activity-jobs.service.js';
import { Clock } from '../../common/clock/clock.js';
import { ApplicationQueries, type OverdueApplication } from '../applications/application-queries.js';
import { SmsService } from '../sms/sms.service.js';
import { TipEscalation } from '../tips/tip-escalation.js';
import { IncidentOverdue } from '../casework/incident-overdue.js';
import { MallOrdersService } from '../mall/mall-orders.service.js';
import { PointsExpiry } from '../points/points-expiry.js';
import { MallTradeBill } from '../mall/mall-reconcile-bill.js';
import { MallPayReconcile } from '../mall/mall-reconcile.js';
import { MallRefundsService } from '../mall/mall-refunds.service.js';
import { HonestyScan } from '../honesty/honesty-scan.js';
import { StatsRefresh } from '../stats/stats-refresh.js';

const DAY_MS = 86_400_000;
const PAGE = 500;

/** The actor recorded in the audit log for what a scheduled job changes. */
const SYSTEM_ACTOR: Actor = {
  userId: null as unknown as number,
  displayName: '系统定时任务',
  openid: null,
  staffRoles: [],
  roles: [],
  orgUnitId: null,
  orgPath: '/',
  isStaff: false,
  ip: null,
};

/**
 * Scheduled jobs of the volunteers archive (docs/product.md#volunteers-archive). Each run takes the job's database lease first, and each job is
 * idempotent on its own as well: revocation is a conditional UPDATE on `status = 'active'`, and a
 * reminder is sent only by whoever inserts its unique reminder key.
 */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly leases: JobLeaseService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly activityJobs: ActivityJobsService,
    @Inject(jobsConfig.KEY) private readonly schedule: JobScheduleConfig,
    private readonly volunteers: VolunteerDutyQueries,
    private readonly users: UserQueries,
    private readonly applications: ApplicationQueries,
    private readonly sms: SmsService,
    private readonly tipEscalation: TipEscalation,
    private readonly incidentOverdue: IncidentOverdue,
    private readonly mallOrders: MallOrdersService,
    private readonly mallPayReconcile: MallPayReconcile,
    private readonly mallRefunds: MallRefundsService,
    private readonly mallTradeBill: MallTradeBill,
    private readonly pointsExpiry: PointsExpiry,
    private readonly honestyScan: HonestyScan,
    private readonly statsRefresh: StatsRefresh,
  ) {}

  /** Runs a job under its lease; with `dueBefore` only if it last ran at or before that instant (the scheduler). */
  async run(name: string, holder?: string, dueBefore?: Date): Promise<JobRunResponse> {
    if (!(JOB_NAMES as readonly string[]).includes(name)) throw new AppException('JOB_UNKNOWN');
    const job = name as JobName;
    if (!(await this.leases.acquire(job, holder, dueBefore))) return { job, ran: false, result: {} };
    let result: Record<string, number> | null = null;
    try {
      result = await this.runUnleased(job);
      return { job, ran: true, result };
    } finally {
      await this.leases.release(job, result, holder);
      logger.info({ job, result }, 'job finished');
    }
  }

  /** A run started by the system administrator from the 定时任务 page: recorded in the audit log with its outcome. */
  async runAsStaff(actor: Actor, name: string): Promise<JobRunResponse> {
    const res = await this.run(name);
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'job.run',
      targetType: 'job',
      targetId: res.job,
      after: { ran: res.ran, result: res.result },
    });
    return res;
  }

  /** The job body alone (no lease) — exposed so tests can prove the body is idempotent by itself. */
  async runUnleased(job: JobName): Promise<Record<string, number>> {
    switch (job) {
      case 'inactivity-revocation':
        return this.inactivityRevocation();
      case 'criminal-recheck-reminders':
        return this.criminalRecheckReminders();
      case 'certificate-expiry-reminders':
        return this.certificateExpiryReminders();
      case 'level-regrade':
        return this.levelRegrade();
      case 'activity-upkeep':
        return this.activityJobs.runAll();
      case 'activity-reminders':
        return { reminded: await this.activityJobs.remindStartingSoon() };
      case 'notification-retries':
        return this.notifications.retryDue();
      case 'review-sla-warnings':
        return this.reviewSlaWarnings();
      case 'sms-delivery':
        return this.sms.deliverDue();
      case 'tip-escalation':
        return this.tipEscalation.run();
      case 'incident-report-overdue':
        return this.incidentOverdue.run();
      case 'mall-unpaid-cancel':
        return this.mallOrders.cancelUnpaid();
      case 'mall-pay-reconcile':
        return this.mallPayReconcile.run();
      case 'mall-refund-query':
        return this.mallRefunds.queryProcessing();
      case 'mall-trade-bill':
        return this.mallTradeBill.runDue();
      case 'points-expiry':
        return this.pointsExpiry.expireDue();
      case 'points-expiry-notice':
        return this.pointsExpiry.noticeDue();
      case 'honesty-scan':
        return this.honestyScan.run();
      case 'stats-refresh':
        return this.statsRefresh.run();
    }
  }

  async leasesOverview(): Promise<JobLeaseResponse[]> {
    const rows = new Map((await this.leases.all()).map((l) => [l.name, l]));
    return JOB_NAMES.map((name) => {
      const l = rows.get(name);
      const every = this.schedule.every[name];
      const next = this.schedule.enabled
        ? nextRunAt(every, l?.lastRunAt ?? null, this.clock.now(), this.clock.zone).toISOString()
        : null;
      return {
        name,
        holder: l?.holder ?? null,
        leaseUntil: l?.leaseUntil?.toISOString() ?? null,
        lastRunAt: l?.lastRunAt?.toISOString() ?? null,
        lastResult: l?.lastResult ?? null,
        every,
        nextRunAt: next,
      };
    });
  }

  /** 365 days without confirmed duty (or since joining) and no running exemption → revoked; warn 30 days before. */
  private async inactivityRevocation(): Promise<Record<string, number>> {
    const now = this.clock.now();
    const today = this.clock.today(now);
    const revokeCutoff = new Date(now.getTime() - this.config.inactivityRevokeDays * DAY_MS);
    const warnCutoff = new Date(
      now.getTime() - (this.config.inactivityRevokeDays - this.config.inactivityWarnDaysBefore) * DAY_MS,
    );
    let revoked = 0;
    let warned = 0;
    const due = await this.volunteers.inactiveSince(revokeCutoff, today);
    for (const v of due) {
      const notificationId = await this.dataSource.transaction(async (m) => {
        const reason = `连续 ${this.config.inactivityRevokeDays} 天未参加义警活动`;
        if (!(await this.volunteers.revokeInactive(m, v.id, revokeCutoff, reason, now))) return null;
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: 'volunteer.revoke_inactive',
          targetType: 'volunteer',
          targetId: String(v.id),
          orgUnitId: v.stationId,
          before: { status: 'active' },
          after: { status: 'revoked', lastDutyAt: v.lastDutyAt?.toISOString() ?? null },
        });
        return this.notifications.create(m, {
          userId: v.userId,
          template: 'duty_warning',
          title: '义警资格已取消',
          body: `您已连续 ${this.config.inactivityRevokeDays} 天未参加义警活动，义警资格已取消。如有特殊情况请联系管理派出所。`,
          page: 'pages/member-card/index',
          data: { thing1: '义警资格已取消', date2: today },
        });
      });
      if (notificationId) {
        revoked++;
        await this.notifications.push([notificationId]);
      }
    }
    const warn = await this.volunteers.inactiveSince(warnCutoff, today, revokeCutoff);
    for (const v of warn) {
      const ref = v.lastDutyAt ?? v.joinedAt;
      if (!(await this.claim(`inactivity-warning:${v.id}:${ref.toISOString()}`))) continue;
      const revokeOn = this.clock.today(new Date(ref.getTime() + this.config.inactivityRevokeDays * DAY_MS));
      await this.notifications.notify({
        userId: v.userId,
        template: 'duty_warning',
        title: '履职提醒',
        body: `您已较长时间未参加义警活动。如在 ${revokeOn} 前仍未参加，义警资格将被取消。`,
        page: 'pages/activity/list',
        data: { thing1: '请尽快参加义警活动', date2: revokeOn },
      });
      warned++;
    }
    return { revoked, warned };
  }

  /** Yearly criminal-record re-check: remind the managing station's officers once per due date. */
  private async criminalRecheckReminders(): Promise<Record<string, number>> {
    const cutoff = new Date(this.clock.nowMs() - this.config.criminalRecheckDays * DAY_MS);
    const due = await this.volunteers.criminalCheckDue(cutoff);
    let reminded = 0;
    const officersByStation = new Map<number, UserRecord[]>();
    for (const v of due) {
      const dueOn = addCalendarDays(
        this.clock.today(v.criminalCheckedAt ?? v.joinedAt),
        this.config.criminalRecheckDays,
      );
      if (!(await this.claim(`criminal-recheck:${v.id}:${dueOn}`))) continue;
      if (!officersByStation.has(v.stationId!)) {
        const officers = await this.users.withRoleAt(v.stationId!, 'station_officer');
        officersByStation.set(v.stationId!, officers);
      }
      for (const officer of officersByStation.get(v.stationId!)!) {
        await this.notifications.notify({
          userId: officer.id,
          template: 'criminal_recheck',
          title: '义警年度政审复核提醒',
          body: `义警 ${v.name ?? v.memberNo}（${v.memberNo}）的违法犯罪记录核查已满一年（应于 ${dueOn} 前复核），请核查后在档案中记录结果。`,
          page: `admin-applications/volunteer/index?id=${v.id}`,
          data: { thing1: `${v.name ?? ''} ${v.memberNo}`.trim().slice(0, 20), date2: dueOn },
        });
      }
      reminded++;
    }
    return { reminded };
  }

  /** Skill certificates expiring within the warning window: remind the volunteer once per certificate and date. */
  private async certificateExpiryReminders(): Promise<Record<string, number>> {
    const today = this.clock.today();
    const until = addCalendarDays(today, this.config.certificateWarnDays);
    let reminded = 0;
    let lastId = 0;
    for (;;) {
      const page = await this.volunteers.activeAfter(lastId, PAGE);
      if (!page.length) break;
      lastId = page[page.length - 1].id;
      for (const v of page) {
        for (const s of v.skills ?? []) {
          if (!s.expiresOn || s.expiresOn < today || s.expiresOn > until) continue;
          if (!(await this.claim(`certificate-expiry:${v.id}:${s.name}:${s.expiresOn}`))) continue;
          await this.notifications.notify({
            userId: v.userId,
            template: 'certificate_expiry',
            title: '技能证书即将到期',
            body: `您的${s.name}证书${s.certificateNo ? `（${s.certificateNo}）` : ''}将于 ${s.expiresOn} 到期，请及时复训换证并告知管理派出所。`,
            page: 'pages/member-card/index',
            data: { thing1: `${s.name}证书`, date2: s.expiresOn },
          });
          reminded++;
        }
      }
    }
    return { reminded };
  }

  /** Star grades from confirmed hours (50/100/300/600/1000 h); run quarterly. */
  private async levelRegrade(): Promise<Record<string, number>> {
    const cases = [...LEVEL_THRESHOLDS_HOURS]
      .reverse()
      .map((h, i) => `WHEN serviceMinutes >= ${h * 60} THEN ${LEVEL_THRESHOLDS_HOURS.length - i}`);
    const level = `CASE ${cases.join(' ')} ELSE 0 END`;
    return { regraded: await this.volunteers.regradeStars(level) };
  }

  /**
   * Applications waiting past the review time (docs/product.md#applications-and-review): the officers who may act on
   * the waiting stage at its unit are told once per application, stage and submission. The reminder key and the
   * messages are written in one transaction, so two runs (or two instances) never warn twice and a failed run
   * leaves nothing half-sent.
   */
  private async reviewSlaWarnings(): Promise<Record<string, number>> {
    const cutoff = new Date(this.clock.nowMs() - this.config.reviewSlaDays * DAY_MS);
    const reviewers = new Map<string, UserRecord[]>();
    let overdueWarned = 0;
    let lastId = 0;
    for (;;) {
      const page = await this.applications.overdue(cutoff, lastId, PAGE);
      if (!page.length) break;
      lastId = page[page.length - 1].id;
      const keys = page.map(reviewSlaKey);
      const done = new Set(
        (await this.dataSource.getRepository(JobReminder).findBy({ reminderKey: In(keys) })).map((r) => r.reminderKey),
      );
      for (const app of page) {
        if (done.has(reviewSlaKey(app))) continue;
        const to = (await this.reviewersOf(app, reviewers)).filter((u) => !app.excludeUserIds.includes(u.id));
        const ids = await this.dataSource.transaction(async (m) => {
          if (!(await this.claim(reviewSlaKey(app), m))) return null;
          const created: number[] = [];
          for (const u of to) created.push(await this.notifications.create(m, this.reviewSlaMessage(app, u.id)));
          return created;
        });
        if (!ids) continue;
        overdueWarned++;
        await this.notifications.push(ids);
      }
    }
    return { overdueWarned };
  }

  /** The officers whose role acts on the waiting stage at the nearest of its units that has any. */
  private async reviewersOf(app: OverdueApplication, cache: Map<string, UserRecord[]>): Promise<UserRecord[]> {
    const roles = PERMISSIONS[app.stage === 'review' ? 'applications.review' : 'applications.approve'];
    for (const unitId of app.unitIds) {
      const key = `${app.stage}:${unitId}`;
      if (!cache.has(key)) cache.set(key, await this.users.activeWithAnyRoleAt(unitId, roles));
      if (cache.get(key)!.length) return cache.get(key)!;
    }
    return [];
  }

  private reviewSlaMessage(app: OverdueApplication, userId: number) {
    const submittedOn = this.clock.today(app.submittedAt);
    const step = app.stage === 'review' ? '初审' : '审批';
    return {
      userId,
      template: 'review_overdue' as const,
      title: `入会申请${step}超时`,
      body: `申请人 ${app.name} 于 ${submittedOn} 提交的入会申请已超过 ${this.config.reviewSlaDays} 天未${step}，请尽快处理。`,
      page: `admin-applications/review-detail/index?id=${app.id}`,
      data: { thing1: `${app.name} 入会申请`.slice(0, 20), date2: submittedOn },
    };
  }

  /** True for the one caller that records this reminder key first (inside `manager`'s transaction when given). */
  private async claim(key: string, manager?: EntityManager): Promise<boolean> {
    try {
      await (manager ?? this.dataSource.manager)
        .getRepository(JobReminder)
        .insert({ reminderKey: key.slice(0, 191), createdAt: this.clock.now() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}

/** One warning per application, stage and submission (a resubmitted application waits anew). */
function reviewSlaKey(app: OverdueApplication): string {
  return `review-sla:${app.id}:${app.stage}:${app.submittedAt.toISOString()}`;
}
