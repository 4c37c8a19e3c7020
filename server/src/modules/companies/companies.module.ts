import { Module } from '@nestjs/common';
import { CompaniesService } from './companies.service.js';
import { CompanyQueries } from './company-queries.js';
import { CompanyReferences } from './company-references.js';
import { OrgModule } from '../org/org.module.js';
import { UsersModule } from '../users/users.module.js';
import { CompaniesAdminController } from './companies-admin.controller.js';
import { CompaniesController } from './companies.controller.js';

@Module({
  imports: [OrgModule, UsersModule],
  providers: [CompaniesService, CompanyQueries, CompanyReferences],
  controllers: [CompaniesAdminController, CompaniesController],
  exports: [CompaniesService, CompanyQueries, CompanyReferences],
})
export class CompaniesModule {}
