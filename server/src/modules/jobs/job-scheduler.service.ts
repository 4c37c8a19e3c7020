import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { JOB_NAMES, type JobName } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { jobsConfig, type JobScheduleConfig } from '../../config/jobs.config.js';
import { dueBefore, jobCron } from './job-schedule.js';
import { JobsService } from './jobs.service.js';

/** The SchedulerRegistry timeout that looks at every job once, soon after start-up. */
const CATCH_UP = 'jobs:catch-up';

/**
 * Runs every job on its own schedule, on every instance, under its database lease. Each job is a
 * CronJob in the SchedulerRegistry, evaluated in the business time zone (`jobCron`); when it fires
 * the instance asks for the job's lease with one conditional UPDATE that also checks the last run
 * (`lastRunAt <= now − period`, or before the quarter's start), so across any number of instances
 * a job runs once per period, and the schedule survives restarts (it lives in `job_leases`, not in
 * process memory). A job missed while no instance ran is caught up by the look soon after start-up.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Jobs waiting for their turn on this instance: one job at a time, a job never queued twice. */
  private readonly queued = new Set<JobName>();
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly registry: SchedulerRegistry,
    @Inject(jobsConfig.KEY) private readonly config: JobScheduleConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.enabled) return;
    for (const job of JOB_NAMES) {
      const cron = CronJob.from({
        cronTime: jobCron(this.config.every[job], this.config.tickSeconds),
        timeZone: this.clock.zone,
        onTick: () => this.enqueue([job]),
        unrefTimeout: true,
      });
      this.registry.addCronJob(job, cron);
      cron.start();
    }
    // first look soon after start-up, not a whole period later
    const first = setTimeout(() => {
      this.registry.deleteTimeout(CATCH_UP);
      this.enqueue(JOB_NAMES);
    }, 1000);
    first.unref();
    this.registry.addTimeout(CATCH_UP, first);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const job of JOB_NAMES) if (this.registry.doesExist('cron', job)) this.registry.deleteCronJob(job);
    if (this.registry.doesExist('timeout', CATCH_UP)) this.registry.deleteTimeout(CATCH_UP);
    await this.chain;
  }

  /** One pass over all jobs: runs those due whose lease this instance gets. Returns the jobs it ran. */
  async tick(): Promise<JobName[]> {
    const ran: JobName[] = [];
    for (const job of JOB_NAMES) if (await this.runIfDue(job)) ran.push(job);
    return ran;
  }

  /** Never two jobs at once on one instance: a slow job delays the next, the ticks do not pile up. */
  private enqueue(jobs: readonly JobName[]): void {
    for (const job of jobs) {
      if (this.stopped || this.queued.has(job)) continue;
      this.queued.add(job);
      this.chain = this.chain.then(async () => {
        this.queued.delete(job);
        if (!this.stopped) await this.runIfDue(job);
      });
    }
  }

  private async runIfDue(job: JobName): Promise<boolean> {
    try {
      const due = dueBefore(this.config.every[job], this.clock.now(), this.clock.zone);
      return (await this.jobs.run(job, undefined, due)).ran;
    } catch (err) {
      logger.error({ job, error: String(err) }, 'scheduled job failed');
      return false;
    }
  }
}
