import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, IsNull, MoreThan, Not, type FindOptionsWhere } from 'typeorm';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';

/** A sign-up's check-in and confirmed attendance with its activity, as the data-honesty review reads it. */
export interface ReviewedSignup {
  signupId: number;
  volunteerId: number;
  userId: number;
  checkinAt: Date | null;
  lat: number | null;
  lng: number | null;
  confirmedAt: Date | null;
  confirmedMinutes: number | null;
  activity: { id: number; title: string; orgUnitId: number; orgPath: string; startAt: Date; endAt: Date };
}

/**
 * Incremental reads of check-ins and confirmed attendance for the data-honesty scan (docs/supervision.md#honesty):
 * by the instant they happened, from a watermark on, in pages; never the whole history on a request.
 */
@Injectable()
export class CheckinReviewQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Check-ins with a location at or after `from` (ordered by time, id), at most `limit`. */
  checkinsFrom(from: Date, limit: number): Promise<ReviewedSignup[]> {
    return this.load(
      { checkinAt: MoreThan(new Date(from.getTime() - 1)), checkinLat: Not(IsNull()) },
      { checkinAt: 'ASC', id: 'ASC' },
      limit,
    );
  }

  /** The located check-ins of these accounts between two instants (inclusive). */
  async checkinsOfUsers(userIds: readonly number[], from: Date, to: Date): Promise<ReviewedSignup[]> {
    const out: ReviewedSignup[] = [];
    for (let i = 0; i < userIds.length; i += 400)
      out.push(
        ...(await this.load(
          { userId: In(userIds.slice(i, i + 400)), checkinAt: Between(from, to), checkinLat: Not(IsNull()) },
          { checkinAt: 'ASC', id: 'ASC' },
          10_000,
        )),
      );
    return out;
  }

  /** Attendance confirmed at or after `from` (ordered by confirmation time, id), at most `limit`. */
  confirmedFrom(from: Date, limit: number): Promise<ReviewedSignup[]> {
    return this.load(
      { attendance: 'confirmed', confirmedAt: MoreThan(new Date(from.getTime() - 1)) },
      { confirmedAt: 'ASC', id: 'ASC' },
      limit,
    );
  }

  private async load(
    where: FindOptionsWhere<ActivitySignup>,
    order: Partial<Record<'checkinAt' | 'confirmedAt' | 'id', 'ASC'>>,
    limit: number,
  ): Promise<ReviewedSignup[]> {
    const rows = await this.ds.getRepository(ActivitySignup).find({ where, order, take: limit });
    const ids = [...new Set(rows.map((r) => r.activityId))];
    const activities = new Map<number, Activity>();
    for (let i = 0; i < ids.length; i += 400)
      for (const a of await this.ds.getRepository(Activity).find({
        where: { id: In(ids.slice(i, i + 400)) },
        select: { id: true, title: true, orgUnitId: true, orgPath: true, startAt: true, endAt: true },
      }))
        activities.set(a.id, a);
    return rows.flatMap((r) => {
      const a = activities.get(r.activityId);
      if (!a) return [];
      return [
        {
          signupId: r.id,
          volunteerId: r.volunteerId,
          userId: r.userId,
          checkinAt: r.checkinAt,
          lat: r.checkinLat,
          lng: r.checkinLng,
          confirmedAt: r.confirmedAt,
          confirmedMinutes: r.confirmedMinutes,
          activity: {
            id: a.id,
            title: a.title,
            orgUnitId: a.orgUnitId,
            orgPath: a.orgPath,
            startAt: a.startAt,
            endAt: a.endAt,
          },
        },
      ];
    });
  }
}
