import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HonestyFlagKind, HonestyFlagStatus, HonestyLink } from '@jianghuai/shared';
import { HONESTY_FLAG_KINDS, HONESTY_FLAG_STATUSES } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/**
 * One implausible record found by the `honesty-scan` job (docs/supervision.md#honesty). `(kind, recordKey)` is unique,
 * so a record is flagged once however often the scan reads it. `orgPath` is the unit the record belongs to (the
 * activity's publishing unit, the application's station), so a branch sees the flags of its own area.
 */
@Entity('honesty_flags')
@Index(['kind', 'recordKey'], { unique: true })
@Index(['status', 'id'])
export class HonestyFlag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'simple-enum', enum: HONESTY_FLAG_KINDS })
  kind: HonestyFlagKind;

  /** The records behind it, e.g. `12:15` (two sign-up ids) or `42` (one application id). */
  @Column({ type: 'varchar', length: 64 })
  recordKey: string;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @JsonColumn()
  links: HonestyLink[];

  @DateTimeColumn()
  occurredAt: Date;

  @DateTimeColumn()
  detectedAt: Date;

  @Column({ type: 'simple-enum', enum: HONESTY_FLAG_STATUSES })
  status: HonestyFlagStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dismissReason: string | null;

  @Column({ type: 'int', nullable: true })
  dismissedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  dismissedByName: string | null;

  @DateTimeColumn({ nullable: true })
  dismissedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}
