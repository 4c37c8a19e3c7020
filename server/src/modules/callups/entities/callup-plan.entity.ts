import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CALLUP_KINDS,
  CALLUP_MODES,
  type CallupItem,
  type CallupKind,
  type CallupMode,
  type CallupTarget,
} from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * A response plan (预案, docs/callups.md#plans): a saved call-up owned by an org unit, launched in one step. The
 * deadline is kept as minutes after launch. Staff whose scope holds the owner's path read and edit it.
 */
@Entity('callup_plans')
@Index(['ownerUnitId', 'name'], { unique: true })
export class CallupPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  ownerUnitId: number;

  @Column({ type: 'varchar', length: 64 })
  ownerUnitName: string;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  ownerPath: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'simple-enum', enum: CALLUP_KINDS })
  kind: CallupKind;

  /** null: the mode follows the launching officer's level and any war-time state. */
  @Column({ type: 'simple-enum', enum: CALLUP_MODES, nullable: true })
  mode: CallupMode | null;

  @JsonColumn()
  target: CallupTarget;

  @Column({ type: 'varchar', length: 200 })
  targetName: string;

  @Column({ type: 'int', nullable: true })
  wanted: number | null;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 1000 })
  task: string;

  @Column({ type: 'varchar', length: 200 })
  rallyAddress: string;

  @Column({ type: 'double' })
  rallyLat: number;

  @Column({ type: 'double' })
  rallyLng: number;

  @Column({ type: 'int' })
  rallyRadiusM: number;

  @Column({ type: 'int' })
  deadlineMinutes: number;

  @JsonColumn()
  items: CallupItem[];

  @Column({ type: 'int' })
  createdByUserId: number;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
