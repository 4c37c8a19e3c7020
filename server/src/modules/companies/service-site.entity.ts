import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { Company } from './company.entity.js';

/** 驻勤点: where a company's guards actually work; its station manages them (docs/product.md#station-assignment). */
@Entity('service_sites')
export class ServiceSite {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  companyId: number;

  @ManyToOne(() => Company, (c) => c.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'companyId' })
  company?: Relation<Company>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Index()
  @Column({ type: 'int' })
  stationId: number;

  @ManyToOne('OrgUnit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stationId' })
  station?: Relation<OrgUnitRecord>;

  @DateTimeColumn()
  createdAt: Date;
}
