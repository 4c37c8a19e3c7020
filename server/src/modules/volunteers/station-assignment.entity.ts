import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentRule } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * The history of a volunteer's managing station (docs/product.md#station-assignment). A cross-branch reassignment stays
 * `pending` until the receiving branch accepts; `pendingKey` (the volunteer id while pending) is
 * unique, so there is never more than one open transfer per volunteer.
 */
@Entity('station_assignments')
export class StationAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'int', nullable: true })
  fromStationId: number | null;

  @Index()
  @Column({ type: 'int' })
  toStationId: number;

  /** Path of the receiving station, for the receiving branch's incoming queue. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  toPath: string;

  @Column({ type: 'varchar', length: 16 })
  rule: AssignmentRule;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: 'accepted' | 'pending' | 'declined';

  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  pendingKey: number | null;

  @Column({ type: 'int', nullable: true })
  requestedById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestedByName: string | null;

  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedByName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  declineReason: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;
}
