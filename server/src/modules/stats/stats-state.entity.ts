import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/** The summary job's watermarks (the last row read of an append-only source) and when it last finished. */
@Entity('stats_state')
export class StatsState {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'int', default: 0 })
  value: number;

  @DateTimeColumn({ nullable: true })
  refreshedAt: Date | null;
}
