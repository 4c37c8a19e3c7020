import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ORG_LEVELS, type OrgLevel } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/** A branch's or station's own narrative for a stage (阶段工作情况); one per unit and stage, rewritten in place. */
@Entity('stage_narratives')
@Index(['stageId', 'orgId'], { unique: true })
@Index(['stageId', 'orgPath'])
export class StageNarrative {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  stageId: number;

  @Column({ type: 'int' })
  orgId: number;

  /** The unit's materialised path, for the scoped lists (a unit reads its own and those below). */
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'simple-enum', enum: ORG_LEVELS })
  level: OrgLevel;

  @Column({ type: 'varchar', length: 3000 })
  text: string;

  /** The first submission: it decides lateness (its Shanghai date after the stage's due date). */
  @DateTimeColumn()
  submittedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  submittedOn: string;

  @Column({ type: 'int' })
  submittedByUserId: number;

  @Column({ type: 'varchar', length: 100 })
  submittedByName: string;

  @DateTimeColumn()
  updatedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  updatedOn: string;

  @Column({ type: 'int' })
  updatedByUserId: number;

  @Column({ type: 'varchar', length: 100 })
  updatedByName: string;
}
