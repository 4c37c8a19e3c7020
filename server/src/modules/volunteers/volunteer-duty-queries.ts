import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { Volunteer } from './volunteer.entity.js';
import type { VolunteerRecord } from './volunteer-queries.js';

/** Members without a running duty exemption on `:today`. */
const NOT_EXEMPT = 'v.id NOT IN (SELECT de.volunteerId FROM duty_exemptions de WHERE de.endsOn >= :today)';

/**
 * The volunteers table as the periodic jobs see it (docs/product.md#volunteers-archive): who is due
 * for revocation, a warning or a re-check, and the status and star-grade writes those jobs make.
 */
@Injectable()
export class VolunteerDutyQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Active members, not exempt on `today`, whose last duty (or joining) is before `before` and, if given, not before `notBefore`. */
  inactiveSince(before: Date, today: string, notBefore?: Date): Promise<VolunteerRecord[]> {
    const qb = this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .where("v.status = 'active' AND COALESCE(v.lastDutyAt, v.joinedAt) < :before", { before });
    if (notBefore) qb.andWhere('COALESCE(v.lastDutyAt, v.joinedAt) >= :notBefore', { notBefore });
    return qb.andWhere(NOT_EXEMPT, { today }).getMany();
  }

  /** Revokes an active member still without duty since `cutoff`, in the caller's transaction; false if that no longer holds. */
  async revokeInactive(m: EntityManager, id: number, cutoff: Date, reason: string, now: Date): Promise<boolean> {
    const res = await m
      .getRepository(Volunteer)
      .createQueryBuilder()
      .update()
      .set({ status: 'revoked', statusReason: reason, statusChangedAt: now })
      .where("id = :id AND status = 'active' AND COALESCE(lastDutyAt, joinedAt) < :revokeCutoff", {
        id,
        revokeCutoff: cutoff,
      })
      .execute();
    return res.affected === 1;
  }

  /** Active members with a managing station whose last criminal-record check (or joining) is before `cutoff`. */
  criminalCheckDue(cutoff: Date): Promise<VolunteerRecord[]> {
    return this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .where(
        "v.status = 'active' AND v.stationId IS NOT NULL AND COALESCE(v.criminalCheckedAt, v.joinedAt) < :cutoff",
        { cutoff },
      )
      .getMany();
  }

  /** The next `take` active members after id `afterId`, by id. */
  activeAfter(afterId: number, take: number): Promise<VolunteerRecord[]> {
    return this.ds
      .getRepository(Volunteer)
      .find({ where: { status: 'active', id: MoreThan(afterId) }, order: { id: 'ASC' }, take });
  }

  /** Sets every member's star grade from the SQL `level` expression over their row; returns how many changed. */
  async regradeStars(level: string): Promise<number> {
    const res = await this.ds
      .getRepository(Volunteer)
      .createQueryBuilder()
      .update()
      .set({ starLevel: () => level })
      .where(`starLevel <> ${level}`)
      .execute();
    return res.affected ?? 0;
  }
}
