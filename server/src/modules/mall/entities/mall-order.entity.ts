import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MALL_ORDER_STATUSES, type MallOrderStatus } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * A redemption (docs/mall.md). Unique on (userId, clientRequestId): a repeated request finds the first order.
 * Status changes are conditional UPDATEs on the expected status, so a return of stock and points happens once.
 */
@Entity('mall_orders')
@Index(['userId', 'clientRequestId'], { unique: true })
@Index(['status', 'createdAt'])
export class MallOrder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Index()
  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'varchar', length: 60 })
  productName: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ type: 'int' })
  pointsTotal: number;

  @Column({ type: 'int' })
  cashFenTotal: number;

  @Column({ type: 'simple-enum', enum: MALL_ORDER_STATUSES })
  status: MallOrderStatus;

  @Column({ type: 'int', nullable: true })
  pickupStationId: number | null;

  /** The product's owning unit's path: the operators who see the product see its orders. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  cancelledAt: Date | null;

  /** When WeChat Pay (notification or query) said the cash part was paid (points-only orders: null). */
  @DateTimeColumn({ nullable: true })
  paidAt: Date | null;

  /** A refund under way or done (docs/mall.md#refunds): set with the refund row, moved by WeChat Pay's answer. */
  @Column({ type: 'simple-enum', enum: ['processing', 'succeeded', 'failed'], nullable: true })
  refundStatus: 'processing' | 'succeeded' | 'failed' | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  refundReason: string | null;

  // ── pickup (docs/mall.md#pickup) ──
  /** When the item was put ready at the pickup station (or sent, for delivery). */
  @DateTimeColumn({ nullable: true })
  readyAt: Date | null;

  @DateTimeColumn({ nullable: true })
  completedAt: Date | null;

  /** The one-time pickup code (8 digits) given at `ready`; kept after use so a second scan can say when and by whom. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 8, nullable: true })
  pickupCode: string | null;

  @DateTimeColumn({ nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  verifiedByUserId: number | null;
}
