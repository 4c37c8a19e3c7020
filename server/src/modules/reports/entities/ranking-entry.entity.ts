import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ORG_LEVELS, type OrgLevel } from '@jianghuai/shared';

/** One unit's row in a published ranking: each measure's value, rank and the previous publication's rank. */
@Entity('ranking_entries')
@Index(['publicationId', 'orgId'], { unique: true })
export class RankingEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  publicationId: number;

  @Column({ type: 'int' })
  orgId: number;

  /** The names as published. */
  @Column({ type: 'varchar', length: 64 })
  orgName: string;

  @Column({ type: 'simple-enum', enum: ORG_LEVELS })
  level: OrgLevel;

  @Column({ type: 'varchar', length: 64, nullable: true })
  branchName: string | null;

  @Column({ type: 'double', nullable: true }) overallValue: number | null;
  @Column({ type: 'int', nullable: true }) overallRank: number | null;
  @Column({ type: 'int', nullable: true }) overallPrevRank: number | null;

  @Column({ type: 'double', nullable: true }) joinRateValue: number | null;
  @Column({ type: 'int', nullable: true }) joinRateRank: number | null;
  @Column({ type: 'int', nullable: true }) joinRatePrevRank: number | null;

  @Column({ type: 'double', nullable: true }) weeklyRuleValue: number | null;
  @Column({ type: 'int', nullable: true }) weeklyRuleRank: number | null;
  @Column({ type: 'int', nullable: true }) weeklyRulePrevRank: number | null;

  @Column({ type: 'double', nullable: true }) tipsValue: number | null;
  @Column({ type: 'int', nullable: true }) tipsRank: number | null;
  @Column({ type: 'int', nullable: true }) tipsPrevRank: number | null;

  @Column({ type: 'double', nullable: true }) responseSpeedValue: number | null;
  @Column({ type: 'int', nullable: true }) responseSpeedRank: number | null;
  @Column({ type: 'int', nullable: true }) responseSpeedPrevRank: number | null;
}
