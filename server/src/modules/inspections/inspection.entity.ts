import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { InspectionItem, InspectionStatus } from '@jianghuai/shared';
import { INSPECTION_STATUSES } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/**
 * An inspection of a company (监督检查, docs/supervision.md). `orgPath` is the company's home station's path, so the
 * station, its branch and the city see it whichever of them inspected; `orgUnitId` is the unit that inspected.
 * Dates are Shanghai business dates (YYYY-MM-DD): overdue = `rectifyBy < today` while `status` is open or confirmed.
 */
@Entity('inspections')
@Index(['status', 'rectifyBy'])
@Index(['companyId', 'id'])
export class Inspection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  companyId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Column({ type: 'varchar', length: 10 })
  inspectedOn: string;

  @JsonColumn()
  inspectors: string[];

  @JsonColumn()
  items: InspectionItem[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  findings: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  rectifyBy: string | null;

  @JsonColumn()
  photoIds: string[];

  @Column({ type: 'simple-enum', enum: INSPECTION_STATUSES })
  status: InspectionStatus;

  @Column({ type: 'int' })
  recordedByUserId: number;

  @Column({ type: 'varchar', length: 64 })
  recordedByName: string;

  @DateTimeColumn()
  recordedAt: Date;

  @Column({ type: 'varchar', length: 10, nullable: true })
  rectifiedOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rectifyNote: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  rectifiedByName: string | null;

  @DateTimeColumn({ nullable: true })
  companyConfirmedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  companyNote: string | null;

  @DateTimeColumn()
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
