import { Global, Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { INSURANCE_SOURCE } from '../activities/insurance.source.js';
import { OrgModule } from '../org/org.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { InsuranceCoverage } from './insurance-coverage.js';
import { InsuranceCandidates } from './insurance-candidates.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InsuranceEnrolment } from './entities/insurance-enrolment.entity.js';
import { InsurancePolicy } from './entities/insurance-policy.entity.js';
import { InsuranceController } from './insurance.controller.js';
import { InsuranceService } from './insurance.service.js';

/** Accident insurance (docs/product.md#insurance): policies, insured volunteers, bulk enrolment for an activity. */
// global only to hand the activities module its INSURANCE_SOURCE, which it cannot import (this module builds on it)
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([InsurancePolicy, InsuranceEnrolment]),
    ActivitiesModule,
    OrgModule,
    VolunteersModule,
    TeamsModule,
  ],
  controllers: [InsuranceController],
  providers: [
    InsuranceService,
    InsuranceCandidates,
    InsuranceCoverage,
    { provide: INSURANCE_SOURCE, useExisting: InsuranceCoverage },
  ],
  exports: [INSURANCE_SOURCE],
})
export class InsuranceModule {}
