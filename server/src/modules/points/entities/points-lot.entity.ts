import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * One credit with an awarding org, as a lot the person spends from, oldest first (docs/points.md#lots): `remaining`
 * is what is still held, so the points an org has issued and not yet spent are the sum of its lots' `remaining`.
 * Only `PointsLedgerService.post()` changes a lot, inside the transaction of the entry that moves it. `version` is
 * raised by every post of the person before their lots are read, so the read sees the latest committed rows. The
 * person's lots are found through the index on `userId` alone: changing `remaining` never moves an entry of the index a
 * post locks, so posts of different people never wait on each other there (MariaDB's gap locks).
 */
@Entity('points_lots')
@Index(['userId'])
@Index(['awardingOrgPath', 'remaining'])
@Index(['expiresAt', 'remaining'])
export class PointsLot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  /** The credit entry this lot was opened by. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  entryId: number;

  @Column({ type: 'int' })
  awardingOrgId: number;

  @Column({ type: 'varchar', length: 255 })
  awardingOrgPath: string;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'int' })
  remaining: number;

  /** When what is left expires (POINTS_EXPIRY); null: never. */
  @DateTimeColumn({ nullable: true })
  expiresAt: Date | null;

  /** Set once the 30-day notice of this lot's expiry has been written. */
  @DateTimeColumn({ nullable: true })
  expiryNoticeAt: Date | null;

  @Column({ type: 'int', default: 0 })
  version: number;

  @DateTimeColumn()
  createdAt: Date;
}
