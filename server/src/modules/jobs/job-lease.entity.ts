import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/** A database lease per scheduled job: only the instance holding an unexpired lease runs the job. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  holder: string | null;

  @DateTimeColumn({ nullable: true })
  leaseUntil: Date | null;

  @DateTimeColumn({ nullable: true })
  lastRunAt: Date | null;

  @JsonColumn({ nullable: true })
  lastResult: Record<string, number> | null;
}
