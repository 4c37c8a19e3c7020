import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** A message on a tip between its handlers and its submitter; an internal note is seen by staff only. */
@Entity('tip_messages')
@Index(['tipId', 'id'])
export class TipMessage {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  tipId: number;

  @Column({ type: 'boolean' })
  fromStaff: boolean;

  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ type: 'int' })
  authorUserId: number;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @DateTimeColumn()
  createdAt: Date;
}
