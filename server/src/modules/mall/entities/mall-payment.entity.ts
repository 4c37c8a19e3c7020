import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

export const MALL_PAYMENT_STATES = ['prepaid', 'paid', 'closed'] as const;
export type MallPaymentState = (typeof MALL_PAYMENT_STATES)[number];

/**
 * One WeChat Pay attempt for an order's cash part (docs/mall.md#payment): its own merchant order number
 * (`outTradeNo`, unique), unique per (order, attempt) so two simultaneous pay requests make one attempt. A new attempt
 * is made only after the previous one was closed. `prepaid` → `paid` (a verified notification or a query) once,
 * by a conditional UPDATE.
 */
@Entity('mall_payments')
@Index(['orderId', 'attempt'], { unique: true })
@Index(['state', 'createdAt'])
export class MallPayment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  attempt: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'simple-enum', enum: MALL_PAYMENT_STATES })
  state: MallPaymentState;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  paidAt: Date | null;

  /** WeChat Pay's transaction id once paid. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  transactionId: string | null;
}
