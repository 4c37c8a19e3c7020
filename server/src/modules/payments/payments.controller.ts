import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PAY_ROUTES } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { logger } from '../../common/logging/logger.js';
import { rawBodyOf } from './raw-body.js';
import { PaymentNotificationDispatcher } from './payment-notification-dispatcher.js';
import { PaymentNotificationRefused, PaymentNotifications } from './payment-notifications.js';

type Kind = 'transaction' | 'refund';

/**
 * WeChat Pay's notification callbacks. They answer in WeChat Pay's own shape, not the API's error
 * shape: 200 `{code:'SUCCESS'}` once the verified notification was handed over (a replay included),
 * 401 `{code:'FAIL'}` for one that does not verify, 500 `{code:'FAIL'}` when the handler failed (WeChat
 * Pay then sends it again on its retry schedule).
 */
@ApiTags('微信支付')
@Controller()
export class PaymentsController {
  constructor(
    private readonly notifications: PaymentNotifications,
    private readonly dispatcher: PaymentNotificationDispatcher,
  ) {}

  @Post(PAY_ROUTES.notifyTransaction)
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '微信支付结果通知（由微信支付服务器调用，验签并解密后交给处理者）' })
  notifyTransaction(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.receive('transaction', req, reply);
  }

  @Post(PAY_ROUTES.notifyRefund)
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '微信支付退款结果通知（由微信支付服务器调用）' })
  notifyRefund(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.receive('refund', req, reply);
  }

  private async receive(kind: Kind, req: FastifyRequest, reply: FastifyReply): Promise<void> {
    let notification;
    try {
      notification = this.notifications.verify(rawBodyOf(req), req.headers);
      if (notification.kind !== kind) throw new PaymentNotificationRefused('malformed');
    } catch (err) {
      if (!(err instanceof PaymentNotificationRefused)) throw err;
      logger.warn({ reason: err.reason, kind }, 'WeChat Pay notification refused');
      await reply.status(401).send({ code: 'FAIL', message: '验签失败' });
      return;
    }
    try {
      await this.dispatcher.current().handle(notification);
    } catch (err) {
      logger.error({ err, id: notification.id }, 'WeChat Pay notification handler failed');
      await reply.status(500).send({ code: 'FAIL', message: '处理失败，请稍后重试' });
      return;
    }
    await reply.status(200).send({ code: 'SUCCESS', message: '成功' });
  }
}
