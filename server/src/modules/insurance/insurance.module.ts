import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InsuranceEnrolment } from './entities/insurance-enrolment.entity.js';
import { InsurancePolicy } from './entities/insurance-policy.entity.js';
import { InsuranceController } from './insurance.controller.js';
import { InsuranceService } from './insurance.service.js';

/** Accident insurance (docs/product.md#insurance): policies, insured volunteers, bulk enrolment for an activity. */
@Module({
  imports: [TypeOrmModule.forFeature([InsurancePolicy, InsuranceEnrolment])],
  controllers: [InsuranceController],
  providers: [InsuranceService],
})
export class InsuranceModule {}
