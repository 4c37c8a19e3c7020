import { Module } from '@nestjs/common';
import { CompaniesService } from './companies.service.js';
import { CompaniesAdminController } from './companies-admin.controller.js';
import { CompaniesController } from './companies.controller.js';

@Module({
  providers: [CompaniesService],
  controllers: [CompaniesAdminController, CompaniesController],
  exports: [CompaniesService],
})
export class CompaniesModule {}
