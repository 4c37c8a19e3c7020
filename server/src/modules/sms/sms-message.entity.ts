import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

export const SMS_STATUSES = ['pending', 'sent', 'failed', 'skipped_limit'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/**
 * One text message to one person, written in the transaction that decided it (the outbox) and sent
 * by the `sms-delivery` job. One message per (ref, user): enqueuing the same call-up twice sends once.
 * The number is personal data: sealed with PiiCipher, with a keyed hash for the daily limit.
 */
@Entity('sms_messages')
@Index(['ref', 'userId'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@Index(['phoneHash', 'sentAt'])
export class SmsMessage {
  @PrimaryGeneratedColumn()
  id: number;

  /** What the message is about, e.g. `callup:12` or `early_warning:3`. */
  @Column({ type: 'varchar', length: 64 })
  ref: string;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  template: string;

  /** The template's parameters in order. */
  @JsonColumn()
  params: string[];

  @Column({ type: 'varchar', length: 255 })
  phoneEnc: string;

  @Column({ type: 'varchar', length: 64 })
  phoneHash: string;

  @Column({ type: 'simple-enum', enum: SMS_STATUSES, default: 'pending' })
  status: SmsStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** A pending message is sent from this instant on; a claimed one is not claimed again before it. NULL when done. */
  @DateTimeColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  providerId: string | null;

  /** The provider's code and message of the last failure (never the number). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  lastError: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  sentAt: Date | null;
}
