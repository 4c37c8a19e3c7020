import { Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JOB_NAMES } from '@jianghuai/shared';
import { logger } from '../../common/logging/logger.js';
import { ENROLMENT_CONFIG, type EnrolmentConfig } from '../applications/enrolment-config.js';
import { JobLeaseService } from './job-lease.service.js';
import { JobsService } from './jobs.service.js';
import { JobsAdminController } from './jobs-admin.controller.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Jobs run through POST /admin/jobs/:name/run (ops, tests, an external cron) or, when
 * JOBS_INTERVAL_MINUTES > 0, on a simple in-process interval. Either way the database lease
 * makes sure only one instance runs a job at a time.
 */
@Module({
  providers: [JobLeaseService, JobsService],
  controllers: [JobsAdminController],
  exports: [JobsService],
})
export class JobsModule implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly jobs: JobsService,
    @Inject(ENROLMENT_CONFIG) private readonly config: EnrolmentConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsIntervalMinutes <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.jobsIntervalMinutes * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    // Star grades are re-graded each quarter (SPEC §2.4): on the first day of a quarter only.
    const quarterStart = /-(01|04|07|10)-01$/.test(this.clock.today());
    for (const name of JOB_NAMES) {
      if (name === 'level-regrade' && !quarterStart) continue;
      try {
        await this.jobs.run(name);
      } catch (err) {
        logger.error('scheduled job failed', { job: name, error: String(err) });
      }
    }
  }
}
