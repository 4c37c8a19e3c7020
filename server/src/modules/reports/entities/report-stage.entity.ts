import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** A stage of the campaign (阶段, docs/reports.md#stage-reports): the city names it and fixes its due date. */
@Entity('report_stages')
@Index(['cityId', 'name'], { unique: true })
export class ReportStage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** YYYY-MM-DD (Shanghai): a narrative first submitted on a later Shanghai date is late. */
  @Column({ type: 'varchar', length: 10 })
  dueDate: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** The city bureau that defined it; its path decides who reads it (the city and every unit below). */
  @Column({ type: 'int' })
  cityId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  cityPath: string;

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'varchar', length: 100 })
  createdByName: string;

  @DateTimeColumn()
  createdAt: Date;
}
