import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** One volunteer a warning was sent to, with the in-app message written for them and when they read it. */
@Entity('alert_recipients')
@Index(['alertId', 'userId'], { unique: true })
@Index(['userId'])
export class AlertRecipient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  alertId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'int', nullable: true })
  notificationId: number | null;

  @DateTimeColumn({ nullable: true })
  readAt: Date | null;
}
