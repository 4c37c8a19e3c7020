import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Application submissions per applicant and per ID number in the current window (docs/product.md#applications-and-review),
 * counted in the database so every server instance brakes on the same count.
 */
@Entity('application_rate_windows')
export class ApplicationRateWindow {
  /** `u:<userId>` or `id:<keyed hash of the ID number>` */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  rateKey: string;

  /** When the window began (epoch ms). */
  @Column({ type: 'bigint' })
  windowStart: string;

  @Column({ type: 'int' })
  hits: number;
}
