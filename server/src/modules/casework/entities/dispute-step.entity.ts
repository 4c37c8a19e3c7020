import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** One dated step taken on a dispute case (a visit, a talk, an agreement), by an officer or the mediator. */
@Entity('dispute_steps')
@Index(['caseId', 'id'])
export class DisputeStep {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  /** The day the step was taken (YYYY-MM-DD, Shanghai). */
  @Column({ type: 'varchar', length: 10 })
  stepDate: string;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Column({ type: 'int' })
  authorUserId: number;

  @Column({ type: 'varchar', length: 64 })
  authorName: string;

  @Column({ type: 'boolean' })
  byMediator: boolean;

  @DateTimeColumn()
  createdAt: Date;
}
