import { Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/** How far the `honesty-scan` job has read each source (check-ins, confirmed attendance, approvals). */
@Entity('honesty_watermarks')
export class HonestyWatermark {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  source: string;

  /** Rows at or after this instant (less an overlap for late commits) are read on the next run. */
  @DateTimeColumn()
  markAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
