import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ALERT_LEVELS, ALERT_TARGET_KINDS, type AlertLevel, type AlertTargetKind } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * An early warning (预警, docs/alerts.md) pushed by an officer. `orgPath` is the path of the unit it was aimed at
 * (the station, the community, the team's station; for a radius the sender's unit): staff whose scope holds it read
 * it, anyone else gets 404. The recipients were fixed when it was sent (`alert_recipients`).
 */
@Entity('alerts')
@Index(['senderUserId', 'clientRequestId'], { unique: true })
export class Alert {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  senderUserId: number;

  /** The phone's number for this warning: the same one again returns this warning instead of sending a second. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'varchar', length: 64 })
  senderName: string;

  @Column({ type: 'varchar', length: 64 })
  senderUnitName: string;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'simple-enum', enum: ALERT_TARGET_KINDS })
  targetKind: AlertTargetKind;

  /** The station, community or team aimed at; null for a radius. */
  @Column({ type: 'int', nullable: true })
  targetId: number | null;

  @Column({ type: 'varchar', length: 100 })
  targetName: string;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'int', nullable: true })
  radiusM: number | null;

  @Column({ type: 'simple-enum', enum: ALERT_LEVELS })
  level: AlertLevel;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'int' })
  recipientCount: number;

  @DateTimeColumn()
  createdAt: Date;
}
