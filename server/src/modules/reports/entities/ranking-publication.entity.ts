import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** A published ranking (晒比通报, docs/reports.md#ranking): kept as published, its rows in `ranking_entries`. */
@Entity('ranking_publications')
@Index(['cityId', 'seq'], { unique: true })
@Index(['cityId', 'title'], { unique: true })
export class RankingPublication {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  title: string;

  /** YYYY-MM-DD (Shanghai), inclusive. */
  @Column({ type: 'varchar', length: 10 })
  periodStart: string;

  @Column({ type: 'varchar', length: 10 })
  periodEnd: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'int' })
  cityId: number;

  /** Every unit under the city reads it. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  cityPath: string;

  /** 1, 2, 3… per city: two publications at the same moment cannot both follow the same previous one. */
  @Column({ type: 'int', default: 0 })
  seq: number;

  /** The publication the previous ranks were taken from. */
  @Column({ type: 'int', nullable: true })
  previousId: number | null;

  @Column({ type: 'boolean' })
  responseSpeedAvailable: boolean;

  @Column({ type: 'int' })
  publishedByUserId: number;

  @Column({ type: 'varchar', length: 100 })
  publishedByName: string;

  @DateTimeColumn()
  publishedAt: Date;
}
