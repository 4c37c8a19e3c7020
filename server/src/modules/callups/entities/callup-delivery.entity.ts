import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** queued: nothing made yet; written: the in-app message and the text are in their outboxes, the push is to come; done. */
export const DELIVERY_STATES = ['queued', 'written', 'done'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const PUSH_OUTCOMES = ['pending', 'sent', 'no_consent', 'failed'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];
export const SMS_OUTCOMES = ['pending', 'queued', 'no_phone'] as const;
export type SmsOutcome = (typeof SMS_OUTCOMES)[number];

/**
 * One call-up recipient to reach (docs/callups.md#reaching-people): written with the call-up (or the accepted
 * draw) in its transaction, four numbers a row, then delivered by the fan-out workers of any instance. A worker
 * claims due rows by writing its claim token and pushing `nextAttemptAt` to the end of its lease; a claim whose
 * lease ran out is due again, so another worker takes it over.
 */
@Entity('callup_deliveries')
@Index(['recipientId'], { unique: true })
@Index(['callupId'])
@Index(['nextAttemptAt'])
export class CallupDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  callupId: number;

  @Column({ type: 'int' })
  recipientId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'simple-enum', enum: DELIVERY_STATES, default: 'queued' })
  state: DeliveryState;

  @Column({ type: 'simple-enum', enum: PUSH_OUTCOMES, default: 'pending' })
  push: PushOutcome;

  @Column({ type: 'simple-enum', enum: SMS_OUTCOMES, default: 'pending' })
  sms: SmsOutcome;

  /** The in-app message made for this recipient (its push is the notifications module's). */
  @Column({ type: 'int', nullable: true })
  notificationId: number | null;

  /** Claims so far (each try of the worker counts one). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  /** Due from this instant (a claimed row: its lease end); NULL when done. */
  @DateTimeColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @DateTimeColumn()
  queuedAt: Date;

  /** When the in-app message and the text were written. */
  @DateTimeColumn({ nullable: true })
  writtenAt: Date | null;

  /** When the push ended (sent, no consent or failed for good). */
  @DateTimeColumn({ nullable: true })
  doneAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;
}
