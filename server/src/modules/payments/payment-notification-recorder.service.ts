import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { PaymentNotificationHandler } from './payment-notification-handler.js';
import { PaymentNotification } from './payment-notification.entity.js';
import type { VerifiedNotification } from './payment-notifications.js';

/**
 * The default handler: records each verified notification once in `payment_notifications` (unique on
 * WeChat Pay's notification id; a replay or a duplicate is acknowledged and not recorded again).
 */
@Injectable()
export class PaymentNotificationRecorder extends PaymentNotificationHandler {
  constructor(
    @InjectRepository(PaymentNotification) private readonly repo: Repository<PaymentNotification>,
    private readonly clock: Clock,
  ) {
    super();
  }

  async handle(notification: VerifiedNotification): Promise<void> {
    await this.record(notification);
  }

  /** true: recorded now; false: recorded before (a replay). */
  async record(n: VerifiedNotification): Promise<boolean> {
    const row = this.repo.create({
      notificationId: n.id,
      eventType: n.eventType,
      kind: n.kind,
      receivedAt: this.clock.now(),
      ...(n.kind === 'transaction'
        ? {
            outTradeNo: n.transaction.out_trade_no,
            outRefundNo: null,
            state: n.transaction.trade_state,
            amountFen: n.transaction.amount?.payer_total ?? n.transaction.amount?.total ?? null,
            wechatId: n.transaction.transaction_id ?? null,
            resource: { ...n.transaction },
          }
        : {
            outTradeNo: n.refund.out_trade_no,
            outRefundNo: n.refund.out_refund_no,
            state: n.refund.refund_status ?? n.refund.status ?? 'UNKNOWN',
            amountFen: n.refund.amount?.refund ?? null,
            wechatId: n.refund.refund_id ?? null,
            resource: { ...n.refund },
          }),
    });
    try {
      await this.repo.save(row);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** The recorded notifications of one order, oldest first. */
  forOrder(outTradeNo: string): Promise<PaymentNotification[]> {
    return this.repo.find({ where: { outTradeNo }, order: { id: 'ASC' } });
  }
}
