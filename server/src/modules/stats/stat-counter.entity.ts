import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One summary figure of the dashboard (docs/dashboard.md#summary-tables): `kind` names the figure, `refId` the unit (or
 * company) it counts for, `dim` a breakdown (tier, status:urgency, roster measure) and `day` the Shanghai business day
 * of day-bucketed figures ('' for a current-state figure). Written only by the `stats-refresh` job and
 * `npm run rebuild:stats --fix`; the dashboard reads nothing else for its counts.
 */
@Entity('stats_counters')
@Index(['kind', 'refId', 'dim', 'day'], { unique: true })
@Index(['kind', 'day'])
export class StatCounter {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  kind: string;

  @Column({ type: 'int' })
  refId: number;

  @Column({ type: 'varchar', length: 40, default: '' })
  dim: string;

  @Column({ type: 'varchar', length: 10, default: '' })
  day: string;

  @Column({ type: 'int' })
  value: number;
}
