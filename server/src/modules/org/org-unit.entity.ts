import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgLevel } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * A node of the org tree (市局 → 分局 → 派出所 → 社区). `path` is the materialised path of ids,
 * e.g. `/1/4/12/`, so "this unit and all below it" is one indexed prefix match.
 */
@Entity('org_units')
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'simple-enum', enum: ['city', 'branch', 'station', 'community'] })
  level: OrgLevel;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @DateTimeColumn()
  createdAt: Date;
}
