import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IssuedEquipment, Occupation, Sex, VolunteerSkill, VolunteerTier } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';
import type { StoredContact } from '../../common/pii/sealed-contacts.js';

export type VolunteerStatus = 'active' | 'suspended' | 'revoked';

/**
 * A person's membership of the force and the core of their archive (docs/product.md#volunteers-archive). The application
 * flow creates these on approval; activities read status, tier, skills and birth date for
 * eligibility and write service time and the last duty date.
 */
@Entity('volunteers')
export class Volunteer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  userId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  memberNo: string;

  @Column({ type: 'simple-enum', enum: ['active', 'suspended', 'revoked'], default: 'active' })
  status: VolunteerStatus;

  /** Managing station (docs/product.md#station-assignment). */
  @Index()
  @Column({ type: 'int', nullable: true })
  stationId: number | null;

  @Column({ type: 'simple-enum', enum: ['core', 'backbone', 'basic'], default: 'basic' })
  tier: VolunteerTier;

  @JsonColumn()
  skills: VolunteerSkill[];

  /** YYYY-MM-DD, derived from the ID number at application. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthDate: string | null;

  /** Confirmed service time in minutes (checked-in and hand-added together; details live with attendance). */
  @Column({ type: 'int', default: 0 })
  serviceMinutes: number;

  @DateTimeColumn({ nullable: true })
  lastDutyAt: Date | null;

  @DateTimeColumn()
  joinedAt: Date;

  @DateTimeColumn()
  createdAt: Date;

  // ── archive (docs/product.md#volunteers-archive), added by the applications flow; all nullable so older rows stay valid ──

  /** Real name as on the ID card. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  idEnc: string | null;

  /** Keyed hash of the ID number: one membership per person. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  idHash: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  /** Keyed hash of the phone (look-up without the plaintext). */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  sex: Sex | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  occupation: Occupation | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'int', nullable: true })
  siteId: number | null;

  @Column({ type: 'int', nullable: true })
  residenceCommunityId: number | null;

  @Column({ type: 'int', nullable: true })
  applicationId: number | null;

  /** 区域巡逻组, 安全巡查组 … */
  @JsonColumn({ nullable: true })
  teams: string[] | null;

  @JsonColumn({ nullable: true })
  equipment: IssuedEquipment[] | null;

  /** Emergency contacts, each phone encrypted with its keyed hash (see sealed-contacts.ts). */
  @JsonColumn({ nullable: true })
  contacts: StoredContact[] | null;

  @JsonColumn({ nullable: true })
  training: string[] | null;

  @JsonColumn({ nullable: true })
  commendations: string[] | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  @DateTimeColumn({ nullable: true })
  statusChangedAt: Date | null;

  /** Last recorded criminal-record check (first one at application, then yearly). */
  @DateTimeColumn({ nullable: true })
  criminalCheckedAt: Date | null;

  /** Star grade by confirmed hours, re-graded each quarter by the level-regrade job. */
  @Column({ type: 'int', default: 0 })
  starLevel: number;
}
