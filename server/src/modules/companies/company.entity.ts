import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { CompanyType, EquipmentCounts } from '@jianghuai/shared';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { ServiceSite } from './service-site.entity.js';

/** A security employer (保安从业单位, docs/product.md#companies-and-roster). Scoped by its home station. */
@Entity('companies')
export class Company {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'simple-enum', enum: ['security_company', 'self_recruiting', 'property'] })
  type: CompanyType;

  /** 统一社会信用代码, upper case, check character verified. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode: string;

  @Index()
  @Column({ type: 'int' })
  homeStationId: number;

  @ManyToOne('OrgUnit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'homeStationId' })
  homeStation?: Relation<OrgUnitRecord>;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  contactPhoneEnc: string | null;

  /** Keyed hash of the contact phone. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  contactPhoneHash: string | null;

  @JsonColumn()
  equipment: EquipmentCounts;

  /** The company manager's staff account (role company_manager): one manager account per company. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  managerUserId: number | null;

  @OneToMany(() => ServiceSite, (s) => s.company)
  sites?: Relation<ServiceSite>[];

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
