import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CALLUP_KINDS,
  CALLUP_MODES,
  CALLUP_STATUSES,
  type CallupItem,
  type CallupKind,
  type CallupMode,
  type CallupStatus,
  type CallupTarget,
} from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * A call-up (调度指令, docs/callups.md): an officer's order to the volunteers matching a target. `orgPath` is the
 * sender's unit's path: staff whose scope holds it read it, anyone else gets 404. The recipients were fixed when it
 * was sent (`callup_recipients`); `requestId` makes a repeated send return the same call-up.
 */
@Entity('callups')
@Index(['orgPath', 'createdAt'])
export class Callup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 64 })
  unitName: string;

  @Column({ type: 'simple-enum', enum: CALLUP_KINDS })
  kind: CallupKind;

  @Column({ type: 'simple-enum', enum: CALLUP_MODES })
  mode: CallupMode;

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

  @DateTimeColumn()
  deadlineAt: Date;

  @JsonColumn()
  target: CallupTarget;

  /** The target described for people: 雨山分局 · 平湖派出所 · 急救 … */
  @Column({ type: 'varchar', length: 200 })
  targetName: string;

  @Column({ type: 'int', nullable: true })
  wanted: number | null;

  /** 摸排 items (empty for an ordinary call-up). */
  @JsonColumn()
  items: CallupItem[];

  @Column({ type: 'int', nullable: true })
  planId: number | null;

  @Column({ type: 'int', nullable: true })
  wartimeStateId: number | null;

  @Column({ type: 'simple-enum', enum: CALLUP_STATUSES, default: 'open' })
  status: CallupStatus;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  requestId: string;

  @Column({ type: 'int' })
  createdByUserId: number;

  @Column({ type: 'varchar', length: 64 })
  createdByName: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  closedByUserId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  closedByName: string | null;
}
