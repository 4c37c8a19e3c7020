import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/**
 * A verified WeChat Pay notification, once: unique on WeChat Pay's notification id, so the retries and
 * duplicates WeChat Pay sends are recorded a single time. Written only after the signature, freshness
 * and decryption checks passed; a forged notification never reaches this table.
 */
@Entity('payment_notifications')
@Index(['notificationId'], { unique: true })
@Index(['outTradeNo'])
export class PaymentNotification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  notificationId: string;

  /** TRANSACTION.SUCCESS, REFUND.SUCCESS … */
  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'transaction' | 'refund';

  @Column({ type: 'varchar', length: 32 })
  outTradeNo: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  outRefundNo: string | null;

  /** the payment's trade_state or the refund's status */
  @Column({ type: 'varchar', length: 32 })
  state: string;

  /** paid (or refunded) amount in fen */
  @Column({ type: 'int', nullable: true })
  amountFen: number | null;

  /** WeChat Pay's transaction id (payments) or refund id (refunds) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatId: string | null;

  /** the decrypted resource as WeChat Pay sent it */
  @JsonColumn()
  resource: Record<string, unknown>;

  @DateTimeColumn()
  receivedAt: Date;
}
