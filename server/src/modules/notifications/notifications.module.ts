import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatModule } from '../wechat/wechat.module.js';
import { UsersModule } from '../users/users.module.js';
import { Notification } from './notification.entity.js';
import { SubscribeConsent } from './subscribe-consent.entity.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsController } from './notifications.controller.js';
import { ClientConfigController } from './client-config.controller.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification, SubscribeConsent]), WechatModule, UsersModule],
  providers: [NotificationsService],
  controllers: [NotificationsController, ClientConfigController],
  exports: [NotificationsService],
})
export class NotificationsModule {}
