import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

export const MALL_REFUND_STATES = ['processing', 'succeeded', 'failed'] as const;
export type MallRefundState = (typeof MALL_REFUND_STATES)[number];

/**
 * A WeChat Pay refund of one payment attempt (docs/mall.md#refunds). `operator`: a mall operator refunded the order
 * (the order becomes `refunded` with points and stock back when WeChat Pay says the money is back); `automatic`: money
 * that arrived for an order already cancelled (or paid by another attempt) goes back, the order unchanged.
 * `outRefundNo` is unique, so a refund is asked for once; `processing` → `succeeded`/`failed` by a conditional UPDATE.
 */
@Entity('mall_refunds')
@Index(['state', 'createdAt'])
export class MallRefund {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  @Column({ type: 'int' })
  paymentId: number;

  @Column({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  outRefundNo: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'simple-enum', enum: ['operator', 'automatic'] })
  kind: 'operator' | 'automatic';

  @Column({ type: 'simple-enum', enum: MALL_REFUND_STATES })
  state: MallRefundState;

  @Column({ type: 'varchar', length: 100 })
  reason: string;

  /** The operator who asked for it (automatic refunds: null). */
  @Column({ type: 'int', nullable: true })
  requestedByUserId: number | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  finishedAt: Date | null;

  /** WeChat Pay's refund id once it answered. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  refundId: string | null;
}
