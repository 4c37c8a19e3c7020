import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/** 特殊情况: while an exemption runs (until `endsOn`, inclusive), inactivity does not revoke. */
@Entity('duty_exemptions')
export class DutyExemption {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  volunteerId: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  /** YYYY-MM-DD (Asia/Shanghai), inclusive. */
  @Index()
  @Column({ type: 'varchar', length: 10 })
  endsOn: string;

  @Column({ type: 'int' })
  createdById: number;

  @Column({ type: 'varchar', length: 64 })
  createdByName: string;

  @DateTimeColumn()
  createdAt: Date;
}
