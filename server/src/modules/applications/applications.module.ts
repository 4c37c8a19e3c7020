import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationReviewService } from './application-review.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsAdminController } from './applications-admin.controller.js';

@Module({
  imports: [WechatModule, VolunteersModule],
  providers: [ApplicationsService, ApplicationReviewService],
  controllers: [ApplicationsController, ApplicationsAdminController],
})
export class ApplicationsModule {}
