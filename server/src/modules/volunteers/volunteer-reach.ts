import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { UserQueries } from '../users/user-queries.js';
import { Volunteer } from './volunteer.entity.js';

/** An active volunteer a message can be aimed at: where they are managed and where they live. */
export interface ReachableVolunteer {
  id: number;
  userId: number;
  stationId: number | null;
  residenceCommunityId: number | null;
}

const BATCH = 400;

/**
 * Whom a warning or a bulletin reaches (docs/alerts.md), for other modules: the active volunteers managed by or
 * living in a set of units, and their phone numbers in full for a text message (never shown, never logged).
 */
@Injectable()
export class VolunteerReach {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly pii: PiiCipher,
    private readonly users: UserQueries,
  ) {}

  /** Active volunteers managed by a station of `stationIds` or living in a community of `communityIds`. */
  async activeIn(stationIds: readonly number[], communityIds: readonly number[]): Promise<ReachableVolunteer[]> {
    if (stationIds.length === 0 && communityIds.length === 0) return [];
    const qb = this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .select(['v.id', 'v.userId', 'v.stationId', 'v.residenceCommunityId'])
      .where("v.status = 'active'");
    const or: string[] = [];
    if (stationIds.length) or.push('v.stationId IN (:...stationIds)');
    if (communityIds.length) or.push('v.residenceCommunityId IN (:...communityIds)');
    qb.andWhere(`(${or.join(' OR ')})`, { stationIds: [...stationIds], communityIds: [...communityIds] });
    return qb.orderBy('v.id', 'ASC').getMany();
  }

  /** Active volunteers among these ids (a team's members). */
  activeByIds(ids: readonly number[]): Promise<ReachableVolunteer[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(Volunteer).find({
      where: { id: In([...ids]), status: 'active' },
      select: { id: true, userId: true, stationId: true, residenceCommunityId: true },
      order: { id: 'ASC' },
    });
  }

  /** Each volunteer's mobile in full (the archive's, else the account's verified one), or null without one. */
  async phones(volunteerIds: readonly number[]): Promise<Map<number, string | null>> {
    const out = new Map<number, string | null>();
    for (let i = 0; i < volunteerIds.length; i += BATCH) {
      const rows = await this.ds.getRepository(Volunteer).find({
        where: { id: In(volunteerIds.slice(i, i + BATCH)) },
        select: { id: true, userId: true, phoneEnc: true },
      });
      const users = new Map(
        (
          await this.users.findByIds(
            rows.filter((r) => !r.phoneEnc).map((r) => r.userId),
            { id: true, phoneEnc: true },
          )
        ).map((u) => [u.id, u.phoneEnc]),
      );
      for (const r of rows) out.set(r.id, this.pii.decrypt(r.phoneEnc ?? users.get(r.userId) ?? null));
    }
    return out;
  }
}
