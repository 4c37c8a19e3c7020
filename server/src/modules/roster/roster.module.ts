import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterService } from './roster.service.js';
import { RosterMatchService } from './roster-match.service.js';
import { RosterAdminController } from './roster-admin.controller.js';
import { CompanyManagerController } from './company-manager.controller.js';

@Module({
  imports: [CompaniesModule],
  providers: [RosterImportService, RosterService, RosterMatchService],
  exports: [RosterMatchService],
  controllers: [RosterAdminController, CompanyManagerController],
})
export class RosterModule {}
