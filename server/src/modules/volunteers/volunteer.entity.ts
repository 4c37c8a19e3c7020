import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { VolunteerSkill, VolunteerTier } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

export type VolunteerStatus = 'active' | 'suspended' | 'revoked';

/**
 * A person's membership of the force and the core of their archive (SPEC §2.4). The application
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

  /** Managing station (SPEC §2.3). */
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
}
