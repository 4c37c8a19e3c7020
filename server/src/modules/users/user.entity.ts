import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { StaffRole } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';

/**
 * Everyone who signs in: a WeChat identity (openid), a provisioned staff account (username,
 * roles, org unit), or both once a staff member has bound their WeChat. The phone is stored
 * encrypted with a keyed hash beside it for look-up and uniqueness.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  @Column({ type: 'varchar', length: 64 })
  displayName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  phoneEnc: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  orgUnitId: number | null;

  @ManyToOne('OrgUnit', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'orgUnitId' })
  orgUnit?: Relation<OrgUnitRecord> | null;

  /** Staff roles; empty for WeChat users who are not staff. */
  @JsonColumn()
  roles: StaffRole[];

  @Column({ type: 'simple-enum', enum: ['active', 'disabled'], default: 'active' })
  status: 'active' | 'disabled';

  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @DateTimeColumn({ nullable: true })
  lockedUntil: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
