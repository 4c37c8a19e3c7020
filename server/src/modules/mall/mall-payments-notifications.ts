import { Injectable } from '@nestjs/common';
import { PaymentNotificationHandler } from '../payments/payment-notification-handler.js';
import { PaymentNotificationRecorder } from '../payments/payment-notification-recorder.service.js';
import type { VerifiedNotification } from '../payments/payment-notifications.js';
import { MallPaymentsService } from './mall-payments.service.js';
import { MallRefundsService } from './mall-refunds.service.js';

/**
 * The mall's receiver of verified WeChat Pay notifications (registered with the dispatcher in MallModule). Every
 * notification is first recorded once (the trail), then applied: a transaction marks the attempt and the order
 * paid once, a refund completes (or fails) the refund once. One that is not ours or does not match is recorded
 * and acknowledged without changing anything: WeChat Pay sending it again would not make it match. A failure to
 * apply throws, so WeChat Pay retries.
 */
@Injectable()
export class MallPaymentNotificationHandler extends PaymentNotificationHandler {
  constructor(
    private readonly recorder: PaymentNotificationRecorder,
    private readonly payments: MallPaymentsService,
    private readonly refunds: MallRefundsService,
  ) {
    super();
  }

  async handle(n: VerifiedNotification): Promise<void> {
    await this.recorder.record(n);
    if (n.kind === 'transaction') await this.payments.apply(n.transaction, 'notification');
    else await this.refunds.applyRefund(n.refund);
  }
}
