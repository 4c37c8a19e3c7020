import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * Consents a person gave through wx.requestSubscribeMessage, per template. A one-time template
 * allows one push per consent (`remaining` is spent with a conditional decrement).
 */
@Entity('subscribe_consents')
@Index(['userId', 'template'], { unique: true })
export class SubscribeConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 48 })
  template: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @DateTimeColumn()
  updatedAt: Date;
}
