import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../database/columns.js';

/** An accident-insurance policy held by an org unit (docs/product.md#insurance). */
@Entity('insurance_policies')
export class InsurancePolicy {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  insurer: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  policyNo: string;

  @DateTimeColumn()
  validFrom: Date;

  @DateTimeColumn()
  validTo: Date;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'int', nullable: true })
  createdByUserId: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
