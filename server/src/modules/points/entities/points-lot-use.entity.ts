import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * What one debit entry took from one lot (docs/points.md#lots), so a refund gives back exactly those points to
 * exactly those lots; `restoredByEntryId` is the refund entry that did (set once, by a conditional UPDATE).
 */
@Entity('points_lot_uses')
@Index(['entryId', 'lotId'])
export class PointsLotUse {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  lotId: number;

  /** The debit entry (redemption, adjustment, expiry, reversal, debt repayment). */
  @Column({ type: 'int' })
  entryId: number;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'int', nullable: true })
  restoredByEntryId: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
