import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * One compared WeChat Pay trade bill (docs/mall.md#reconciliation): unique per bill date, inserted after the
 * comparison and before the operators are told, so a date is reported once however often the job runs.
 */
@Entity('mall_bill_checks')
export class MallBillCheck {
  @PrimaryGeneratedColumn()
  id: number;

  /** The Shanghai date of the bill (YYYY-MM-DD). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 10 })
  billDate: string;

  @DateTimeColumn()
  checkedAt: Date;

  @Column({ type: 'int' })
  billRows: number;

  @Column({ type: 'int' })
  mismatches: number;
}
