import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { TipsModule } from '../tips/tips.module.js';
import { UsersModule } from '../users/users.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { DisputeCase } from './entities/dispute-case.entity.js';
import { DisputeStep } from './entities/dispute-step.entity.js';
import { IncidentReport } from './entities/incident-report.entity.js';
import { DisputeMapper } from './dispute-mapper.js';
import { DisputeMediationService } from './dispute-mediation.service.js';
import { DisputesAdminController } from './disputes-admin.controller.js';
import { DisputesController } from './disputes.controller.js';
import { DisputesService } from './disputes.service.js';
import { IncidentAttachmentPolicy } from './incident-attachment-policy.js';
import { IncidentMapper } from './incident-mapper.js';
import { IncidentOverdue } from './incident-overdue.js';
import { IncidentReportsService } from './incident-reports.service.js';
import { IncidentsAdminController } from './incidents-admin.controller.js';
import { IncidentsAdminService } from './incidents-admin.service.js';
import { IncidentsCompanyController } from './incidents-company.controller.js';

/**
 * Casework (docs/disputes.md): the stations' dispute cases (矛盾纠纷) with volunteer mediators, and the major-event
 * reports (重大事项报送) security companies file to their station.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DisputeCase, DisputeStep, IncidentReport]),
    AuditModule,
    CompaniesModule,
    FilesModule,
    NotificationsModule,
    OrgModule,
    TipsModule,
    UsersModule,
    VolunteersModule,
  ],
  controllers: [DisputesAdminController, DisputesController, IncidentsAdminController, IncidentsCompanyController],
  providers: [
    DisputesService,
    DisputeMediationService,
    DisputeMapper,
    IncidentReportsService,
    IncidentsAdminService,
    IncidentMapper,
    IncidentOverdue,
    IncidentAttachmentPolicy,
  ],
  exports: [IncidentOverdue],
})
export class CaseworkModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly attachmentPolicy: IncidentAttachmentPolicy,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.attachmentPolicy);
  }
}
