import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerEntryType } from '@jianghuai/shared';
import { LEDGER_ENTRY_TYPES } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * One change of a person's points (docs/product.md#points). Append-only: the database refuses UPDATE and
 * DELETE (triggers), a wrong credit is cancelled by a `reversal` entry. `idempotencyKey` is
 * unique per business event (`activity-attendance:<signupId>`), so a source credits once.
 */
@Entity('points_ledger_entries')
@Index(['userId', 'id'])
@Index(['awardingOrgPath', 'id'])
export class PointsLedgerEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int', nullable: true })
  volunteerId: number | null;

  @Column({ type: 'simple-enum', enum: LEDGER_ENTRY_TYPES })
  type: LedgerEntryType;

  /** Signed integer points. */
  @Column({ type: 'int' })
  amount: number;

  /** The cached balance right after this entry (for the statement view). */
  @Column({ type: 'int' })
  balanceAfter: number;

  @Column({ type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 128 })
  idempotencyKey: string;

  @Column({ type: 'int', nullable: true })
  awardingOrgId: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  awardingOrgPath: string | null;

  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  reversalOfId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
