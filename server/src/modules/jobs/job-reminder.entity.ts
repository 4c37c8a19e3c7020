import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * One row per reminder ever sent (`inactivity-warning:12:2026-03-01`): the unique key makes every
 * reminder job idempotent — a second run, or a second instance, inserts nothing and sends nothing.
 */
@Entity('job_reminders')
export class JobReminder {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 191 })
  reminderKey: string;

  @DateTimeColumn()
  createdAt: Date;
}
