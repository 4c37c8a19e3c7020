import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallPaymentsService } from './mall-payments.service.js';

/** An attempt still open this long after the prepay is asked about (its notification may be lost). */
export const PAY_RECONCILE_AFTER_MS = 2 * 60_000;

/**
 * The mall-pay-reconcile job (docs/mall.md#payment): a notification can be lost, so payment attempts still
 * `prepaid` two minutes after they were made are asked about with an order query, and the answer goes through the
 * same "mark paid" path as a notification (once, whatever else arrives at the same time).
 */
@Injectable()
export class MallPayReconcile {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly payments: MallPaymentsService,
  ) {}

  async run(): Promise<{ checked: number; paid: number }> {
    const due = await this.ds.getRepository(MallPayment).find({
      where: { state: 'prepaid', createdAt: LessThanOrEqual(new Date(this.clock.nowMs() - PAY_RECONCILE_AFTER_MS)) },
      order: { id: 'ASC' },
      take: 200,
    });
    let paid = 0;
    for (const attempt of due) {
      try {
        if ((await this.payments.queryAndApply(attempt)) === 'paid') paid += 1;
      } catch (err) {
        logger.warn({ outTradeNo: attempt.outTradeNo, err: String(err) }, 'payment query failed; next run');
      }
    }
    return { checked: due.length, paid };
  }
}
