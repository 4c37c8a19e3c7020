import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  ARRIVED_BY,
  RECIPIENT_SOURCES,
  RECIPIENT_STATUSES,
  type ArrivedBy,
  type CallupItemReport,
  type RecipientSource,
  type RecipientStatus,
} from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * One volunteer a call-up asks, fixed when it was sent (`direct`) or added when a branch accepted a draw (`draw`),
 * and how far they got: accepted or declined, arrived, reported.
 */
@Entity('callup_recipients')
@Index(['callupId', 'volunteerId'], { unique: true })
@Index(['userId', 'callupId'])
export class CallupRecipient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  callupId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int', nullable: true })
  stationId: number | null;

  @Column({ type: 'simple-enum', enum: RECIPIENT_SOURCES, default: 'direct' })
  source: RecipientSource;

  @Column({ type: 'int', nullable: true })
  drawId: number | null;

  @Column({ type: 'simple-enum', enum: RECIPIENT_STATUSES, default: 'asked' })
  status: RecipientStatus;

  @DateTimeColumn()
  askedAt: Date;

  @DateTimeColumn({ nullable: true })
  acceptedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  declinedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  declineReason: string | null;

  @DateTimeColumn({ nullable: true })
  arrivedAt: Date | null;

  @Column({ type: 'simple-enum', enum: ARRIVED_BY, nullable: true })
  arrivedBy: ArrivedBy | null;

  @DateTimeColumn({ nullable: true })
  reportedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  reportText: string | null;

  @JsonColumn({ nullable: true })
  reportPhotoIds: string[] | null;

  @JsonColumn({ nullable: true })
  reportItems: CallupItemReport[] | null;

  @Column({ type: 'int', default: 0 })
  pointsAwarded: number;
}
