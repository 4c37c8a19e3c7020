import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { CommonModule } from './common/common.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OrgModule } from './modules/org/org.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        CommonModule.forRoot(config),
        AuditModule,
        OrgModule,
        AuthModule,
        StaffModule,
        HealthModule,
        NotificationsModule,
        // applications, companies, roster, volunteers (SPEC §2)
        // activities, points, insurance (SPEC §3, §6)
      ],
    };
  }
}
