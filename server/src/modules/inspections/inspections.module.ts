import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { OrgModule } from '../org/org.module.js';
import { Inspection } from './inspection.entity.js';
import { InspectionMapper } from './inspection-mapper.js';
import { InspectionPhotoPolicy } from './inspection-photo-policy.js';
import { InspectionsAdminController } from './inspections-admin.controller.js';
import { InspectionsCompanyController } from './inspections-company.controller.js';
import { InspectionsCompanyService } from './inspections-company.service.js';
import { InspectionsService } from './inspections.service.js';

/**
 * Company supervision (监督检查, docs/supervision.md#inspections): officers' inspections of the companies in their
 * area with findings and rectification deadlines; the company manager confirms the rectification.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Inspection]), AuditModule, CompaniesModule, FilesModule, OrgModule],
  controllers: [InspectionsAdminController, InspectionsCompanyController],
  providers: [InspectionsService, InspectionsCompanyService, InspectionMapper, InspectionPhotoPolicy],
})
export class InspectionsModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly photoPolicy: InspectionPhotoPolicy,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.photoPolicy);
  }
}
