import { Module, type OnModuleInit } from '@nestjs/common';
import { CompanyReferences } from '../companies/company-references.js';
import { Application } from './application.entity.js';
import { OrgModule } from '../org/org.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { UsersModule } from '../users/users.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationQueries } from './application-queries.js';
import { ApplicationReviewService } from './application-review.service.js';
import { ApplicationGateService } from './application-gate.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsAdminController } from './applications-admin.controller.js';

@Module({
  imports: [WechatModule, VolunteersModule, RosterModule, OrgModule, UsersModule, CompaniesModule],
  providers: [ApplicationsService, ApplicationReviewService, ApplicationGateService, ApplicationQueries],
  controllers: [ApplicationsController, ApplicationsAdminController],
  exports: [ApplicationQueries],
})
export class ApplicationsModule implements OnModuleInit {
  constructor(private readonly companyReferences: CompanyReferences) {}

  /** A company or site named in an application (of any status) stays. */
  onModuleInit(): void {
    this.companyReferences.register((m, ref) => m.getRepository(Application).countBy(ref));
  }
}
