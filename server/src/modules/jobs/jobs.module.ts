import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { UsersModule } from '../users/users.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { TipsModule } from '../tips/tips.module.js';
import { CaseworkModule } from '../casework/casework.module.js';
import { MallModule } from '../mall/mall.module.js';
import { PointsModule } from '../points/points.module.js';
import { HonestyModule } from '../honesty/honesty.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { JobLeaseService } from './job-lease.service.js';
import { JobScheduler } from './job-scheduler.service.js';
import { JobsService } from './jobs.service.js';
import { JobsAdminController } from './jobs-admin.controller.js';

/**
 * Every job runs on its own schedule (`JobScheduler`: a CronJob per job in the SchedulerRegistry of
 * @nestjs/schedule, in the business time zone; JOBS_SCHEDULER / JOB_EVERY_MINUTES_<NAME>) and on
 * demand through POST /admin/jobs/:name/run. Either way the database lease makes sure only
 * one instance runs a job at a time, and a scheduled job only once per period.
 */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    ActivitiesModule,
    ApplicationsModule,
    UsersModule,
    VolunteersModule,
    SmsModule,
    TipsModule,
    CaseworkModule,
    MallModule,
    PointsModule,
    HonestyModule,
    StatsModule,
  ],
  providers: [JobLeaseService, JobsService, JobScheduler],
  controllers: [JobsAdminController],
  exports: [JobsService, JobScheduler],
})
export class JobsModule {}
