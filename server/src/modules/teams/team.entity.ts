import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TeamKind } from '@jianghuai/shared';
import { TEAM_KINDS } from '@jianghuai/shared';
import { DateTimeColumn } from '../../database/columns.js';

/** A station's team (队伍, docs/product.md#teams); members are in `team_members`. */
@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'simple-enum', enum: TEAM_KINDS })
  kind: TeamKind;

  @Index()
  @Column({ type: 'int' })
  stationId: number;

  /** The station's materialised path, for scoped lists. */
  @Index()
  @Column({ type: 'varchar', length: 255 })
  stationPath: string;

  /** A community of the station, or null when the area is a described grid. */
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  areaText: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  leaderVolunteerId: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  duties: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  rules: string | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
