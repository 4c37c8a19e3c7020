import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TipStatus } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/** The trail of a tip: each transition (and the escalation) with who made it and when. */
@Entity('tip_events')
@Index(['tipId', 'id'])
export class TipEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  tipId: number;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TipStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: TipStatus;

  /** null for the system (the escalation job). */
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @JsonColumn({ nullable: true })
  detail: Record<string, unknown> | null;

  @DateTimeColumn()
  createdAt: Date;
}
