import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * One reader of a bulletin: a volunteer (counted under their station) or a company manager (under the company),
 * so the read figures can be given per unit.
 */
@Entity('bulletin_recipients')
@Index(['bulletinId', 'userId'], { unique: true })
@Index(['userId'])
export class BulletinRecipient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  bulletinId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'simple-enum', enum: ['station', 'company'] })
  unitKind: 'station' | 'company';

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 64 })
  unitName: string;

  @DateTimeColumn({ nullable: true })
  readAt: Date | null;
}
