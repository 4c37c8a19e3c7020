import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CompaniesModule } from '../companies/companies.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointsModule } from '../points/points.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { OrgModule } from '../org/org.module.js';
import { UsersModule } from '../users/users.module.js';
import { TeamActivityCounts } from '../teams/team-activity-counts.js';
import { TeamsModule } from '../teams/teams.module.js';
import { WartimeModule } from '../wartime/wartime.module.js';
import { settledActivityCounter } from './team-activity-counter.js';
import { ActivitiesAdminController } from './activities-admin.controller.js';
import { ActivitiesController } from './activities.controller.js';
import { AGREEMENT_SOURCE, ApplicationAgreementSource } from './agreement.source.js';
import { ActivityJobsService } from './activity-jobs.service.js';
import { ActivityQueries } from './activity-queries.js';
import { ActivityLifecycleService } from './activity-lifecycle.service.js';
import { ActivityViews } from './activity-views.service.js';
import { ActivityPlaces } from './activity-places.service.js';
import { ActivityReach } from './activity-reach.js';
import { AttendanceService } from './attendance.service.js';
import { CheckinService } from './checkin.service.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { WeeklyRuleService } from './weekly-rule.service.js';
import { CheckinReviewQueries } from './checkin-review-queries.js';

/** docs/product.md#activities: activities, sign-up, check-in, attendance, weekly rule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Activity, ActivitySignup]),
    PointsModule,
    VolunteersModule,
    CompaniesModule,
    ApplicationsModule,
    OrgModule,
    UsersModule,
    TeamsModule,
    WartimeModule,
  ],
  controllers: [ActivitiesController, ActivitiesAdminController],
  providers: [
    { provide: AGREEMENT_SOURCE, useClass: ApplicationAgreementSource },
    ActivityViews,
    ActivityLifecycleService,
    SignupService,
    CheckinService,
    AttendanceService,
    WeeklyRuleService,
    ActivityJobsService,
    ActivityQueries,
    CheckinReviewQueries,
    ActivityReach,
    ActivityPlaces,
  ],
  exports: [ActivityJobsService, CheckinService, ActivityQueries, CheckinReviewQueries],
})
export class ActivitiesModule implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly teamActivityCounts: TeamActivityCounts,
  ) {}

  /** Teams learn their settled activities from this module's table. */
  onModuleInit(): void {
    this.teamActivityCounts.register(settledActivityCounter(this.ds));
  }
}
