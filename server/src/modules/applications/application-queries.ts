import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrgService } from '../org/org.service.js';
import { Application } from './application.entity.js';

/** An application waiting past its review time, with the unit whose officers act on the waiting stage. */
export interface OverdueApplication {
  id: number;
  name: string;
  stage: 'review' | 'approval';
  /**
   * Where the officers who act on the waiting stage sit, nearest first: the review unit (a community, then its
   * station when the community has nobody to review) for the first step; the branch above the station for the approval.
   */
  unitIds: number[];
  submittedAt: Date;
  /** Who may not act on it: the applicant and whoever already decided a step (four eyes). */
  excludeUserIds: number[];
}

/** Reads of applications for other modules (they read the applications table only through this module). */
@Injectable()
export class ApplicationQueries {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
  ) {}

  /** Pending applications submitted before `cutoff`, by id after `afterId` (keyset pages of `limit`). */
  async overdue(cutoff: Date, afterId: number, limit: number): Promise<OverdueApplication[]> {
    const rows = await this.ds
      .getRepository(Application)
      .createQueryBuilder('a')
      .select([
        'a.id',
        'a.userId',
        'a.name',
        'a.status',
        'a.reviewOrgUnitId',
        'a.stationId',
        'a.steps',
        'a.submittedAt',
      ])
      .where("a.status IN ('pending_review', 'pending_approval') AND a.submittedAt < :cutoff AND a.id > :afterId", {
        cutoff,
        afterId,
      })
      .orderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    const stationIds = [...new Set(rows.filter((a) => a.status === 'pending_approval').map((a) => a.stationId))];
    const branchOf = new Map((await this.org.findByIds(stationIds)).map((s) => [s.id, s.parentId]));
    return rows.flatMap((a): OverdueApplication[] => {
      const approval = a.status === 'pending_approval';
      const branchId = branchOf.get(a.stationId);
      const unitIds = approval ? (branchId ? [branchId] : []) : [...new Set([a.reviewOrgUnitId, a.stationId])];
      if (!unitIds.length) return [];
      const deciders = approval ? (a.steps ?? []).map((s) => s.by.id) : [];
      return [
        {
          id: a.id,
          name: a.name,
          stage: approval ? 'approval' : 'review',
          unitIds,
          submittedAt: a.submittedAt,
          excludeUserIds: [a.userId, ...deciders],
        },
      ];
    });
  }

  /**
   * Approved applications matched to a roster guard, decided at or after `from` (by decision time, id), at most
   * `limit`: the data-honesty scan compares the applicant's name with the guard's.
   */
  async approvedFromRosterFrom(
    from: Date,
    limit: number,
  ): Promise<
    { id: number; name: string; rosterGuardId: number; stationId: number; orgPath: string; decidedAt: Date }[]
  > {
    const rows = await this.ds
      .getRepository(Application)
      .createQueryBuilder('a')
      .select(['a.id', 'a.name', 'a.rosterGuardId', 'a.stationId', 'a.orgPath', 'a.decidedAt'])
      .where("a.status = 'approved' AND a.rosterGuardId IS NOT NULL AND a.decidedAt >= :from", { from })
      .orderBy('a.decidedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((a) => ({
      id: a.id,
      name: a.name,
      rosterGuardId: a.rosterGuardId!,
      stationId: a.stationId,
      orgPath: a.orgPath,
      decidedAt: a.decidedAt!,
    }));
  }

  /** When this person signed the volunteer service agreement on this application; null if not (or not theirs). */
  async agreementSignedAt(applicationId: number, userId: number): Promise<Date | null> {
    const app = await this.ds
      .getRepository(Application)
      .findOne({ where: { id: applicationId, userId }, select: { id: true, agreementSignedAt: true } });
    return app?.agreementSignedAt ?? null;
  }
}
