import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentCategory, IncidentStatus } from '@jianghuai/shared';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * A major-event report (重大事项报送, docs/disputes.md#major-event-reports) from a company's manager to the
 * company's home station. The two limits are fixed when it is filed: `reportDueAt` (event time + the category's
 * limit; filed after it, `late`) and `acknowledgeDueAt` (filing + the limit; still `received` after it, the branch
 * is told once, `overdueFlaggedAt`).
 */
@Entity('incident_reports')
@Index(['reporterUserId', 'clientRequestId'], { unique: true })
@Index(['status', 'acknowledgeDueAt'])
export class IncidentReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  companyId: number;

  @Column({ type: 'int' })
  reporterUserId: number;

  @Column({ type: 'varchar', length: 64 })
  clientRequestId: string;

  @Column({ type: 'int' })
  stationId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'simple-enum', enum: INCIDENT_CATEGORIES })
  category: IncidentCategory;

  @Column({ type: 'varchar', length: 50 })
  subcategory: string;

  @DateTimeColumn()
  occurredAt: Date;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  @Column({ type: 'varchar', length: 2000 })
  content: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  people: string | null;

  @JsonColumn()
  attachmentIds: string[];

  @Column({ type: 'simple-enum', enum: INCIDENT_STATUSES })
  status: IncidentStatus;

  @DateTimeColumn()
  filedAt: Date;

  @DateTimeColumn()
  reportDueAt: Date;

  @Column({ type: 'boolean' })
  late: boolean;

  @DateTimeColumn()
  acknowledgeDueAt: Date;

  @DateTimeColumn({ nullable: true })
  overdueFlaggedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  acknowledgedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  acknowledgedByName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  classification: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  disposal: string | null;

  @DateTimeColumn({ nullable: true })
  disposedAt: Date | null;

  @DateTimeColumn()
  updatedAt: Date;

  @Column({ type: 'int' })
  version: number;
}
