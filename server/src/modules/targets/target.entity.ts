import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TARGET_KEYS, type TargetKey } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * One value a target has had (docs/reports.md#targets): a change appends a row and never edits one, so the newest
 * row of a key is the target in force and the older rows are its history.
 */
@Entity('targets')
@Index(['key', 'id'])
export class Target {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'simple-enum', enum: TARGET_KEYS })
  key: TargetKey;

  /** A count, or a percentage 0–100 for a rate. */
  @Column({ type: 'double' })
  value: number;

  /** YYYY-MM-DD (Shanghai), null for a standing rule. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Column({ type: 'int' })
  setByUserId: number;

  /** The officer's name as it was when they set it. */
  @Column({ type: 'varchar', length: 100 })
  setByName: string;

  @DateTimeColumn()
  setAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
