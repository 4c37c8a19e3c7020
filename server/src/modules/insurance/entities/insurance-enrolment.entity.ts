import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** A volunteer insured under a policy; unique per (policy, volunteer), so bulk enrolment is idempotent. */
@Entity('insurance_enrolments')
@Index(['policyId', 'volunteerId'], { unique: true })
@Index(['volunteerId'])
export class InsuranceEnrolment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  policyId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'int', nullable: true })
  activityId: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
