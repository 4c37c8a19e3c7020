import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * A war-time state (战时状态, docs/callups.md#war-time) declared by a branch (over its own area) or the city (over any
 * area) for an org unit and a period. While active, dispatch in the area is unified at the declaring level and new
 * activities and call-ups there default to the war-time mode. `areaPath` is the area's path: it covers a unit whose
 * path starts with it. Ended early: `endedAt` with the reason and who ended it.
 */
@Entity('wartime_states')
@Index(['startsAt', 'endsAt'])
export class WartimeState {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  areaId: number;

  @Column({ type: 'varchar', length: 64 })
  areaName: string;

  @Column({ type: 'varchar', length: 16 })
  areaLevel: string;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  areaPath: string;

  /** The declaring unit (a branch or the city): it leads dispatch in the area. */
  @Column({ type: 'int' })
  leadUnitId: number;

  @Column({ type: 'varchar', length: 64 })
  leadUnitName: string;

  /** The declaring unit's path: the staff whose scope holds it or the area see the state. */
  @Column({ type: 'varchar', length: 255 })
  leadUnitPath: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @DateTimeColumn()
  startsAt: Date;

  @DateTimeColumn()
  endsAt: Date;

  @DateTimeColumn({ nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  endReason: string | null;

  @Column({ type: 'int', nullable: true })
  endedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  endedByName: string | null;

  @Column({ type: 'int' })
  declaredByUserId: number;

  @Column({ type: 'varchar', length: 64 })
  declaredByName: string;

  @DateTimeColumn()
  createdAt: Date;
}
