import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentNotification } from './payment-notification.entity.js';
import { PaymentNotificationDispatcher } from './payment-notification-dispatcher.js';
import { PaymentNotificationRecorder } from './payment-notification-recorder.service.js';
import { PaymentNotifications } from './payment-notifications.js';
import { PaymentsController } from './payments.controller.js';
import { WechatPayClient } from './wechat-pay.client.js';
import { WechatPayV3Client } from './wechatpay-v3.client.js';

/**
 * WeChat Pay v3 (docs/payments.md): `WechatPayClient` (prepay → requestPayment parameters, query, close,
 * refund, refund query) and the notification routes, which verify and hand each notification to the
 * registered handler (`PaymentNotificationDispatcher.use`; by default the recorder).
 */
@Module({
  imports: [TypeOrmModule.forFeature([PaymentNotification])],
  controllers: [PaymentsController],
  providers: [
    { provide: WechatPayClient, useClass: WechatPayV3Client },
    PaymentNotifications,
    PaymentNotificationRecorder,
    PaymentNotificationDispatcher,
  ],
  exports: [WechatPayClient, PaymentNotifications, PaymentNotificationDispatcher, PaymentNotificationRecorder],
})
export class PaymentsModule {}
