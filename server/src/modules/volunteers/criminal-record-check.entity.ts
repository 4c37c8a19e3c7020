import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CriminalCheckResult } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * A recorded criminal-record check (docs/product.md#applications-and-review, #volunteers-archive): the system cannot query the police database,
 * so an officer records who checked, when and the result — for an application or a yearly re-check.
 */
@Entity('criminal_record_checks')
export class CriminalRecordCheck {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  applicationId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  volunteerId: number | null;

  @Column({ type: 'varchar', length: 8 })
  result: CriminalCheckResult;

  @Column({ type: 'varchar', length: 32 })
  checkedBy: string;

  @DateTimeColumn()
  checkedAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ type: 'int' })
  recordedById: number;

  @Column({ type: 'varchar', length: 64 })
  recordedByName: string;

  @DateTimeColumn()
  recordedAt: Date;
}
