import { Module, type OnModuleInit } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { CompanyReferences } from '../companies/company-references.js';
import { RosterGuard } from './roster-guard.entity.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterService } from './roster.service.js';
import { RosterMatchService } from './roster-match.service.js';
import { RosterQueries } from './roster-queries.js';
import { RosterAdminController } from './roster-admin.controller.js';
import { CompanyManagerController } from './company-manager.controller.js';

@Module({
  imports: [CompaniesModule],
  providers: [RosterImportService, RosterService, RosterMatchService, RosterQueries],
  exports: [RosterMatchService, RosterQueries],
  controllers: [RosterAdminController, CompanyManagerController],
})
export class RosterModule implements OnModuleInit {
  constructor(private readonly companyReferences: CompanyReferences) {}

  /** A company with roster guards stays (sites: guards are listed per company, not per site). */
  onModuleInit(): void {
    this.companyReferences.register(async (m, ref) =>
      'companyId' in ref ? m.getRepository(RosterGuard).countBy({ companyId: ref.companyId }) : 0,
    );
  }
}
