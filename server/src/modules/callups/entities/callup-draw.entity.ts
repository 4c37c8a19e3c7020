import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DRAW_STATUSES, VOLUNTEER_TIERS, type DrawStatus, type Skill, type VolunteerTier } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * A cross-area draw (抽调, docs/callups.md#cross-area-draw): the sender of a call-up asks another branch for volunteers
 * from its talent pool. The volunteers are picked when asked (`volunteerIds`); the branch decides once: accepted adds
 * them to the call-up's recipients, declined needs a reason.
 */
@Entity('callup_draws')
@Index(['branchId', 'status'])
export class CallupDraw {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  callupId: number;

  @Column({ type: 'int' })
  branchId: number;

  @Column({ type: 'varchar', length: 64 })
  branchName: string;

  @Column({ type: 'varchar', length: 255 })
  branchPath: string;

  @Column({ type: 'int' })
  count: number;

  @JsonColumn()
  skills: Skill[];

  @Column({ type: 'simple-enum', enum: VOLUNTEER_TIERS, nullable: true })
  tier: VolunteerTier | null;

  @JsonColumn()
  volunteerIds: number[];

  @Column({ type: 'simple-enum', enum: DRAW_STATUSES, default: 'pending' })
  status: DrawStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  declineReason: string | null;

  @Column({ type: 'int' })
  requestedByUserId: number;

  @Column({ type: 'varchar', length: 64 })
  requestedByName: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  decidedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedByName: string | null;
}
