import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DisputeOutcome, DisputeStatus, DisputeType } from '@jianghuai/shared';
import { DISPUTE_OUTCOMES, DISPUTE_STATUSES, DISPUTE_TYPES } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/** A party as stored: the name, and the phone sealed by PiiCipher (masked in every response). */
export interface StoredDisputeParty {
  name: string;
  phoneEnc: string | null;
}

/**
 * A dispute case (矛盾纠纷, docs/disputes.md) of a station. `orgPath` is the path of the unit that holds it — the
 * station, or the community whose officer opened it — so the station, its branch and the city see every case and a
 * community its own. Every status change is a conditional UPDATE on the status and version read.
 */
@Entity('dispute_cases')
@Index(['stationId', 'status'])
export class DisputeCase {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  stationId: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'simple-enum', enum: DISPUTE_TYPES })
  type: DisputeType;

  @Column({ type: 'simple-enum', enum: DISPUTE_STATUSES })
  status: DisputeStatus;

  @JsonColumn()
  parties: StoredDisputeParty[];

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  /** The 矛盾纠纷 tip the case was made from; a tip becomes one case at most. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  tipId: number | null;

  @Column({ type: 'int', nullable: true })
  mediatorVolunteerId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  mediatorUserId: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  proposedOutcome: DisputeOutcome | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  proposedNote: string | null;

  @Column({ type: 'simple-enum', enum: DISPUTE_OUTCOMES, nullable: true })
  outcome: DisputeOutcome | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  outcomeNote: string | null;

  /** Business dates (YYYY-MM-DD, Shanghai). */
  @Column({ type: 'varchar', length: 10 })
  openedOn: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  closedOn: string | null;

  @Column({ type: 'int' })
  createdByUserId: number;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
