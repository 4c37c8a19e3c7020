import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { UnitContactKind } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';
import { OrgUnit } from './org-unit.entity.js';

/**
 * The responsible person (负责人) or the liaison (联络员) of a branch or station: one row per unit and
 * kind. The phone is stored encrypted with a keyed hash beside it, as every phone is.
 */
@Entity('unit_contacts')
@Index(['orgUnitId', 'kind'], { unique: true })
export class UnitContact {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'orgUnitId' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'simple-enum', enum: ['responsible', 'liaison'] })
  kind: UnitContactKind;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  title: string;

  @Column({ type: 'varchar', length: 255 })
  phoneEnc: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  phoneHash: string;

  /** The staff member who recorded it last. */
  @Column({ type: 'int', nullable: true })
  updatedBy: number | null;

  @DateTimeColumn()
  updatedAt: Date;
}
