import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * Cached balance of one person, always changed in the transaction that appends the ledger entry,
 * with a conditional UPDATE (`… WHERE balance + :amount >= 0`): never below zero, never drifting
 * from the sum of the entries.
 */
@Entity('points_accounts')
export class PointsAccount {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int', default: 0 })
  balance: number;

  /** Sum of positive entries (earned) and of negative ones as a positive number (spent). */
  @Column({ type: 'int', default: 0 })
  earned: number;

  @Column({ type: 'int', default: 0 })
  spent: number;

  /**
   * Points a reversal could not take because they were already spent (docs/points.md#debts); the next credits pay
   * it first. While it is above 0 the balance is 0.
   */
  @Column({ type: 'int', default: 0 })
  debt: number;

  /** Raised by every post before the row is read, so the read is the latest committed row and this post holds it. */
  @Column({ type: 'int', default: 0 })
  version: number;

  @DateTimeColumn()
  updatedAt: Date;
}
