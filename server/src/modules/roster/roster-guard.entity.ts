import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';
import type { CompanyRecord } from '../companies/company-queries.js';

/**
 * One guard of the provincial roster (底数, docs/product.md#companies-and-roster): the denominator of join rates and the
 * source of the green channel. Keyed by the keyed hash of the ID number, so a re-import updates.
 */
@Entity('roster_guards')
export class RosterGuard {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  companyId: number;

  @ManyToOne('Company', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'companyId' })
  company?: Relation<CompanyRecord>;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  idEnc: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  idHash: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  certificateNo: string | null;

  @Column({ type: 'boolean', default: false })
  certified: boolean;

  /** The staff user who last imported or changed this row (four eyes: they may not approve its green application). */
  @Column({ type: 'int', nullable: true })
  lastChangedById: number | null;

  /** The import that last wrote this row: tells an import which rows it created itself, also under parallel imports. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  lastImportId: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
