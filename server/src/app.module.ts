import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { configModule, type Config } from './config/configuration.js';
import { dataSourceOptions } from './database/data-source.js';
import { CommonModule } from './common/common.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ActorModule } from './modules/auth/actor.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OrgModule } from './modules/org/org.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ActivitiesModule } from './modules/activities/activities.module.js';
import { PointsModule } from './modules/points/points.module.js';
import { InsuranceModule } from './modules/insurance/insurance.module.js';
import { CompaniesModule } from './modules/companies/companies.module.js';
import { RosterModule } from './modules/roster/roster.module.js';
import { VolunteersModule } from './modules/volunteers/volunteers.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { TeamsModule } from './modules/teams/teams.module.js';
import { TargetsModule } from './modules/targets/targets.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { FilesModule } from './modules/files/files.module.js';
import { SmsModule } from './modules/sms/sms.module.js';
import { TipsModule } from './modules/tips/tips.module.js';
import { CaseworkModule } from './modules/casework/casework.module.js';
import { AlertsModule } from './modules/alerts/alerts.module.js';
import { MallModule } from './modules/mall/mall.module.js';
import { PaymentsModule } from './modules/payments/payments.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { InspectionsModule } from './modules/inspections/inspections.module.js';
import { HonestyModule } from './modules/honesty/honesty.module.js';
import { WartimeModule } from './modules/wartime/wartime.module.js';
import { CallupsModule } from './modules/callups/callups.module.js';
import { CallupFanoutModule } from './modules/callups/callup-fanout.module.js';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        configModule(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.database)),
        CommonModule.forRoot(config, ActorModule),
        AuditModule,
        OrgModule,
        AuthModule,
        StaffModule,
        HealthModule,
        NotificationsModule,
        // applications, companies, roster, volunteers (docs/product.md#people)
        CompaniesModule,
        RosterModule,
        VolunteersModule,
        ApplicationsModule,
        JobsModule,
        // activities, points, insurance (docs/product.md#activities, #points)
        ActivitiesModule,
        PointsModule,
        InsuranceModule,
        // teams (docs/product.md#teams)
        TeamsModule,
        // uploads (docs/product.md#uploads)
        FilesModule,
        // text messages (docs/product.md#notifications)
        SmsModule,
        // tips (docs/product.md#tips)
        TipsModule,
        // disputes and major-event reports (docs/disputes.md)
        CaseworkModule,
        // early warnings and situation bulletins (docs/alerts.md)
        AlertsModule,
        // points mall (docs/mall.md)
        MallModule,
        // WeChat Pay (docs/payments.md)
        PaymentsModule,
        // company supervision and data honesty (docs/supervision.md)
        InspectionsModule,
        HonestyModule,
        // call-ups and war-time (docs/callups.md)
        WartimeModule,
        CallupsModule,
        // reaching call-up recipients (docs/callups.md#reaching-people)
        CallupFanoutModule,
        // targets, stage reports, ranking (docs/reports.md)
        TargetsModule,
        ReportsModule,
        // dashboard figures and summary tables (docs/dashboard.md)
        StatsModule,
      ],
    };
  }
}
