import { Module, type OnModuleInit } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { CompanyReferences } from '../companies/company-references.js';
import { Volunteer } from './volunteer.entity.js';
import { MemberNumberService } from './member-number.service.js';
import { StationAssignmentService } from './station-assignment.service.js';
import { VolunteerEnrolmentService } from './volunteer-enrolment.service.js';
import { VolunteerArchiveService } from './volunteer-archive.service.js';
import { TalentPoolService } from './talent-pool.service.js';
import { VolunteersController } from './volunteers.controller.js';
import { VolunteersAdminController } from './volunteers-admin.controller.js';
import { AssignmentsAdminController } from './assignments-admin.controller.js';
import { PiiBackfill } from '../../common/pii/pii-backfill.js';
import { MemberDirectory } from './member-directory.service.js';
import { VolunteerQueries } from './volunteer-queries.js';
import { VolunteerDutyQueries } from './volunteer-duty-queries.js';
import { VolunteerReach } from './volunteer-reach.js';
import { UsersModule } from '../users/users.module.js';
import { OrgModule } from '../org/org.module.js';

@Module({
  imports: [UsersModule, CompaniesModule, OrgModule],
  providers: [
    VolunteerQueries,
    VolunteerDutyQueries,
    VolunteerReach,
    MemberNumberService,
    StationAssignmentService,
    VolunteerEnrolmentService,
    VolunteerArchiveService,
    TalentPoolService,
    MemberDirectory,
    PiiBackfill,
  ],
  controllers: [VolunteersController, VolunteersAdminController, AssignmentsAdminController],
  exports: [
    StationAssignmentService,
    VolunteerEnrolmentService,
    MemberDirectory,
    VolunteerQueries,
    VolunteerDutyQueries,
    VolunteerReach,
  ],
})
export class VolunteersModule implements OnModuleInit {
  constructor(private readonly companyReferences: CompanyReferences) {}

  /** A company or site that volunteers serve at stays until they are moved. */
  onModuleInit(): void {
    this.companyReferences.register((m, ref) => m.getRepository(Volunteer).countBy(ref));
  }
}
