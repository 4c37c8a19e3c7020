import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ActivityMode,
  ActivityRequirements,
  ActivityStatus,
  ActivityType,
  PointsRule,
  ProposalStatus,
  RiskLevel,
  SignupMode,
} from '@jianghuai/shared';
import {
  ACTIVITY_MODES,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  POINTS_RULES,
  RISK_LEVELS,
  SIGNUP_MODES,
} from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * An activity (docs/product.md#activities). `confirmedCount` is the number of confirmed places, changed only by
 * conditional UPDATEs (`… WHERE confirmedCount < capacity`) so capacity holds across instances.
 * `orgPath` is the publishing unit's materialised path: scope checks are one prefix match.
 */
@Entity('activities')
@Index(['status', 'startAt'])
@Index(['orgUnitId', 'startAt'])
@Index(['proposedByUserId', 'proposalSlot'], { unique: true })
export class Activity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'simple-enum', enum: ACTIVITY_TYPES })
  type: ActivityType;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double' })
  lat: number;

  @Column({ type: 'double' })
  lng: number;

  @Column({ type: 'int' })
  radiusM: number;

  @DateTimeColumn()
  startAt: Date;

  @DateTimeColumn()
  endAt: Date;

  @DateTimeColumn()
  signupDeadline: Date;

  @DateTimeColumn()
  cancelDeadline: Date;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ type: 'int', default: 0 })
  minHeadcount: number;

  @JsonColumn()
  requirements: ActivityRequirements;

  @Column({ type: 'simple-enum', enum: RISK_LEVELS })
  riskLevel: RiskLevel;

  @Column({ type: 'simple-enum', enum: POINTS_RULES })
  pointsRule: PointsRule;

  @Column({ type: 'int' })
  pointsAmount: number;

  /** Mode × proposal factor in percent, fixed when published (战时 200, proposal 80 …). */
  @Column({ type: 'int', default: 100 })
  pointsFactorPct: number;

  @Column({ type: 'simple-enum', enum: ACTIVITY_MODES })
  mode: ActivityMode;

  @Column({ type: 'simple-enum', enum: SIGNUP_MODES })
  signupMode: SignupMode;

  @Column({ type: 'simple-enum', enum: ACTIVITY_STATUSES, default: 'draft' })
  status: ActivityStatus;

  /** Set when a company manager or volunteer proposed it (proposals, docs/product.md#activities). */
  @Column({ type: 'simple-enum', enum: ['pending', 'approved', 'rejected'], nullable: true })
  proposalStatus: ProposalStatus | null;

  @Column({ type: 'int', nullable: true })
  proposedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  proposedByName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  proposalRejectReason: string | null;

  /**
   * While a proposal waits for the station: which of its proposer's open slots (1…cap) it holds;
   * NULL once decided. The unique key (proposedByUserId, proposalSlot) caps open proposals per
   * person even when several are filed at the same instant.
   */
  @Column({ type: 'int', nullable: true })
  proposalSlot: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;

  /** Limited to one team's members (docs/product.md#teams); null: open to every eligible volunteer. */
  @Index()
  @Column({ type: 'int', nullable: true })
  teamId: number | null;

  @DateTimeColumn({ nullable: true })
  underfilledWarnedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  settledAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
