import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationReviewService } from './application-review.service.js';
import { ApplicationGateService } from './application-gate.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsAdminController } from './applications-admin.controller.js';

@Module({
  imports: [WechatModule, VolunteersModule, RosterModule, OrgModule],
  providers: [ApplicationsService, ApplicationReviewService, ApplicationGateService],
  controllers: [ApplicationsController, ApplicationsAdminController],
})
export class ApplicationsModule {}
