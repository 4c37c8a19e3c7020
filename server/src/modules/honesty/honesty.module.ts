import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OrgModule } from '../org/org.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { HonestyFlag } from './honesty-flag.entity.js';
import { HonestyWatermark } from './honesty-watermark.entity.js';
import { HonestyController } from './honesty.controller.js';
import { HonestyFlagsService } from './honesty-flags.service.js';
import { HonestyScan } from './honesty-scan.js';

/**
 * Data honesty (杜绝弄虚作假, docs/supervision.md#honesty): the `honesty-scan` job (run by `jobs`) flags implausible
 * check-ins, attendance and approvals; branch and city officers review and dismiss them with a reason.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([HonestyFlag, HonestyWatermark]),
    ActivitiesModule,
    ApplicationsModule,
    AuditModule,
    OrgModule,
    RosterModule,
    VolunteersModule,
  ],
  controllers: [HonestyController],
  providers: [HonestyFlagsService, HonestyScan],
  exports: [HonestyScan],
})
export class HonestyModule {}
