import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { OrgModule } from '../org/org.module.js';
import { PointsModule } from '../points/points.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TipsModule } from '../tips/tips.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { CallupsModule } from '../callups/callups.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardFigures, StatsReader } from './dashboard-figures.js';
import { DashboardListsService } from './dashboard-lists.service.js';
import { DashboardService } from './dashboard.service.js';
import { StatCounter } from './stat-counter.entity.js';
import { StatsCompute } from './stats-compute.js';
import { StatsRefresh } from './stats-refresh.js';
import { StatsState } from './stats-state.entity.js';

/**
 * The bureau's view (docs/dashboard.md): summary tables kept by the `stats-refresh` job from the owners' grouped
 * queries, the dashboard and its lists, and `DashboardFigures` for the stage reports and rankings.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([StatCounter, StatsState]),
    OrgModule,
    VolunteersModule,
    RosterModule,
    CompaniesModule,
    ApplicationsModule,
    ActivitiesModule,
    TeamsModule,
    TipsModule,
    PointsModule,
    TargetsModule,
    CallupsModule,
  ],
  providers: [StatsCompute, StatsRefresh, StatsReader, DashboardFigures, DashboardService, DashboardListsService],
  controllers: [DashboardController],
  exports: [DashboardFigures, StatsRefresh],
})
export class StatsModule {}
