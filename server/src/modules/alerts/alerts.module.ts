import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { AlertAudience } from './alert-audience.js';
import { AlertsAdminController } from './alerts-admin.controller.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';
import { BulletinImagePolicy } from './bulletin-image-policy.js';
import { BulletinsService } from './bulletins.service.js';
import { AlertRecipient } from './entities/alert-recipient.entity.js';
import { Alert } from './entities/alert.entity.js';
import { BulletinRecipient } from './entities/bulletin-recipient.entity.js';
import { Bulletin } from './entities/bulletin.entity.js';
import { MyAlertsService } from './my-alerts.service.js';

/** Early warnings and situation bulletins (docs/alerts.md): officers push them to the guards of an area. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Alert, AlertRecipient, Bulletin, BulletinRecipient]),
    ActivitiesModule,
    AuditModule,
    CompaniesModule,
    FilesModule,
    NotificationsModule,
    OrgModule,
    SmsModule,
    TeamsModule,
    VolunteersModule,
  ],
  controllers: [AlertsAdminController, AlertsController],
  providers: [AlertAudience, AlertsService, BulletinsService, MyAlertsService, BulletinImagePolicy],
})
export class AlertsModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly imagePolicy: BulletinImagePolicy,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.imagePolicy);
  }
}
