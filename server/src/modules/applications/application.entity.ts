import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ApplicationDeclarations,
  ApplicationStatus,
  AssignmentRule,
  Occupation,
  ReviewStep,
  Sex,
  VolunteerSkill,
} from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/**
 * An application to join the force (申报, docs/product.md#applications-and-review). `orgPath` is the path of the unit that
 * reviews it (the residence community when it lies in the managing station, else the station),
 * so a staff member's queue is one prefix match.
 */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Index()
  @Column({ type: 'simple-enum', enum: ['pending_review', 'pending_approval', 'approved', 'rejected'] })
  status: ApplicationStatus;

  @Column({ type: 'boolean', default: false })
  green: boolean;

  @Column({ type: 'int', nullable: true })
  rosterGuardId: number | null;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  idEnc: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  idHash: string;

  /** Equals idHash while the application is pending: a unique key, so one person never has two open applications. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openKey: string | null;

  @Column({ type: 'varchar', length: 10 })
  birthDate: string;

  @Column({ type: 'simple-enum', enum: ['male', 'female'] })
  sex: Sex;

  @Column({ type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  /** Keyed hash of the verified phone. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ type: 'varchar', length: 32 })
  occupation: Occupation;

  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'int', nullable: true })
  siteId: number | null;

  @Column({ type: 'int', nullable: true })
  residenceCommunityId: number | null;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  /** Managing station chosen by the assignment rule (docs/product.md#station-assignment). */
  @Index()
  @Column({ type: 'int' })
  stationId: number;

  @Column({ type: 'varchar', length: 16 })
  assignmentRule: AssignmentRule;

  @Column({ type: 'int' })
  reviewOrgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @JsonColumn()
  skills: VolunteerSkill[];

  @JsonColumn()
  declarations: ApplicationDeclarations;

  @Column({ type: 'varchar', length: 16 })
  agreementVersion: string;

  @DateTimeColumn()
  agreementSignedAt: Date;

  @Column({ type: 'int', nullable: true })
  criminalCheckId: number | null;

  @JsonColumn()
  steps: ReviewStep[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @Column({ type: 'int', default: 0 })
  resubmissions: number;

  @Index()
  @DateTimeColumn()
  submittedAt: Date;

  @DateTimeColumn({ nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  volunteerId: number | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
