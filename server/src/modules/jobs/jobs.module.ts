import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ActivitiesModule } from '../activities/activities.module.js';
import { JobLeaseService } from './job-lease.service.js';
import { JOB_SCHEDULE_CONFIG, loadJobScheduleConfig } from './job-schedule.js';
import { JobScheduler } from './job-scheduler.service.js';
import { JobsService } from './jobs.service.js';
import { JobsAdminController } from './jobs-admin.controller.js';

/**
 * Every job runs on its own schedule (`JobScheduler`, JOBS_SCHEDULER / JOB_EVERY_MINUTES_<NAME>)
 * and on demand through POST /admin/jobs/:name/run. Either way the database lease makes sure only
 * one instance runs a job at a time, and a scheduled job only once per period.
 */
@Module({
  imports: [ActivitiesModule],
  providers: [
    JobLeaseService,
    JobsService,
    JobScheduler,
    { provide: JOB_SCHEDULE_CONFIG, inject: [APP_CONFIG], useFactory: (app: AppConfig) => loadJobScheduleConfig(app) },
  ],
  controllers: [JobsAdminController],
  exports: [JobsService, JobScheduler],
})
export class JobsModule {}
