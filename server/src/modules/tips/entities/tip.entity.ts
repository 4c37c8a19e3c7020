import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TipCategory, TipStatus, TipUrgency } from '@jianghuai/shared';
import { TIP_CATEGORIES, TIP_STATUSES, TIP_URGENCIES } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * A tip (情报线索, docs/product.md#tips) from a volunteer to the station that manages them. `orgPath` is the
 * station's path: the station, its branch and the city see it; `assignedOrgPath` lets a unit it was assigned
 * to (a community of the station) see it too. Every status change is a conditional UPDATE on the expected status.
 */
@Entity('tips')
@Index(['submitterUserId', 'clientRequestId'], { unique: true })
@Index(['status', 'urgency', 'createdAt'])
export class Tip {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  submitterUserId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  /** The responsible station. */
  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'simple-enum', enum: TIP_CATEGORIES })
  category: TipCategory;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @DateTimeColumn()
  occurredAt: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'simple-enum', enum: TIP_URGENCIES })
  urgency: TipUrgency;

  @Column({ type: 'simple-enum', enum: TIP_STATUSES })
  status: TipStatus;

  @Column({ type: 'int', nullable: true })
  assignedOrgUnitId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  assignedOrgPath: string | null;

  @Column({ type: 'int', nullable: true })
  assignedUserId: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  result: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ type: 'int', nullable: true })
  duplicateOfId: number | null;

  @DateTimeColumn({ nullable: true })
  acceptedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  escalatedAt: Date | null;

  /** The grade of a closed tip (a key of TIP_GRADES), null when ungraded or revoked. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  grade: string | null;

  /** The points the current grade credited (after the monthly cap); counted in the month of `gradedAt`. */
  @Column({ type: 'int', default: 0 })
  gradePoints: number;

  @DateTimeColumn({ nullable: true })
  gradedAt: Date | null;

  /** The ledger entry of the current credit, reversed when the grade changes. */
  @Column({ type: 'int', nullable: true })
  gradeEntryId: number | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  /** Raised by every change (the conditional UPDATE checks it with the status). */
  @Column({ type: 'int' })
  version: number;
}
