import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JOB_NAMES, type JobName } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { JOB_SCHEDULE_CONFIG, dueBefore, type JobScheduleConfig } from './job-schedule.js';
import { JobsService } from './jobs.service.js';

/**
 * Runs every job on its own schedule, on every instance, under its database lease. Each tick asks
 * for the lease of every due job with one conditional UPDATE that also checks the last run
 * (`lastRunAt <= now − period`), so across any number of instances a job runs once per period,
 * and the schedule survives restarts (it lives in `job_leases`, not in process memory).
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(JOB_SCHEDULE_CONFIG) private readonly config: JobScheduleConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.enabled) return;
    this.timer = setInterval(() => void this.tickOnce(), this.config.tickSeconds * 1000);
    this.timer.unref();
    // first look soon after start-up, not a whole tick later
    this.first = setTimeout(() => void this.tickOnce(), 1000);
    this.first.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = null;
    await this.running;
  }

  /** One pass over all jobs: runs those due whose lease this instance gets. Returns the jobs it ran. */
  async tick(): Promise<JobName[]> {
    const ran: JobName[] = [];
    for (const job of JOB_NAMES) {
      try {
        const res = await this.jobs.run(
          job,
          undefined,
          dueBefore(this.config.every[job], this.clock.now(), this.clock.zone),
        );
        if (res.ran) ran.push(job);
      } catch (err) {
        logger.error('scheduled job failed', { job, error: String(err) });
      }
    }
    return ran;
  }

  /** Never two passes at once on one instance (a slow pass delays the next, it does not pile up). */
  private async tickOnce(): Promise<void> {
    if (this.running || !this.timer) return;
    this.running = this.tick().then(
      () => undefined,
      () => undefined,
    );
    await this.running;
    this.running = null;
  }
}
