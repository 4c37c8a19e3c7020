import { Module } from '@nestjs/common';
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

@Module({
  providers: [
    MemberNumberService,
    StationAssignmentService,
    VolunteerEnrolmentService,
    VolunteerArchiveService,
    TalentPoolService,
    MemberDirectory,
    PiiBackfill,
  ],
  controllers: [VolunteersController, VolunteersAdminController, AssignmentsAdminController],
  exports: [StationAssignmentService, VolunteerEnrolmentService, MemberDirectory],
})
export class VolunteersModule {}
