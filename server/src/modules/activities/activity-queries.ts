import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { findActivityInScope } from './activity-access.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { Activity } from './entities/activity.entity.js';
import { businessDaySql } from '../../database/business-day-sql.js';
import { WEEKLY_RULE_TYPES } from '@jianghuai/shared';

/** Reads of activities and their sign-ups for other modules (they read these tables only through this module). */
@Injectable()
export class ActivityQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The volunteers with a confirmed place in an activity inside the staff member's scope (NOT_FOUND outside it). */
  async confirmedVolunteerIds(actor: Actor, activityId: number): Promise<number[]> {
    await findActivityInScope(this.ds.manager, actor, activityId);
    const signups = await this.ds
      .getRepository(ActivitySignup)
      .find({ where: { activityId, status: 'confirmed' }, select: { volunteerId: true } });
    return signups.map((s) => s.volunteerId);
  }

  /** Each volunteer's last check-in place (where a warning's radius finds them); those never checked in are absent. */
  async lastCheckinPlaces(volunteerIds: readonly number[]): Promise<Map<number, { lat: number; lng: number }>> {
    const out = new Map<number, { lat: number; lng: number }>();
    for (let i = 0; i < volunteerIds.length; i += 400) {
      const rows = await this.ds.getRepository(ActivitySignup).find({
        where: {
          volunteerId: In(volunteerIds.slice(i, i + 400)),
          checkinLat: Not(IsNull()),
          checkinLng: Not(IsNull()),
        },
        select: { volunteerId: true, checkinLat: true, checkinLng: true, checkinAt: true, id: true },
        order: { checkinAt: 'DESC', id: 'DESC' },
      });
      for (const r of rows)
        if (!out.has(r.volunteerId)) out.set(r.volunteerId, { lat: r.checkinLat!, lng: r.checkinLng! });
    }
    return out;
  }

  // ── summary reads for the dashboard's statistics (grouped in SQL, never row by row) ──

  /** Activities that count for the weekly patrol rule (not cancelled, published), per publishing unit and start day. */
  async patrolsByUnitDay(): Promise<{ orgUnitId: number; day: string; count: number }[]> {
    const day = businessDaySql(this.ds, 'a.startAt');
    const rows: { orgUnitId: number; day: string; count: string | number }[] = await this.ds
      .getRepository(Activity)
      .createQueryBuilder('a')
      .select('a.orgUnitId', 'orgUnitId')
      .addSelect(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .where('a.type IN (:...types)', { types: [...WEEKLY_RULE_TYPES] })
      .andWhere("a.status IN ('published', 'ongoing', 'finished', 'settled')")
      .groupBy('a.orgUnitId')
      .addGroupBy(day)
      .getRawMany();
    return rows.map((r) => ({ orgUnitId: Number(r.orgUnitId), day: String(r.day), count: Number(r.count) }));
  }

  /** Confirmed attendances and their minutes, per publishing unit and the activity's start day. */
  async attendanceByUnitDay(): Promise<{ orgUnitId: number; day: string; count: number; minutes: number }[]> {
    const day = businessDaySql(this.ds, 'a.startAt');
    const rows: Record<string, string | number>[] = await this.ds
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .innerJoin(Activity, 'a', 'a.id = s.activityId')
      .select('a.orgUnitId', 'orgUnitId')
      .addSelect(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(COALESCE(s.confirmedMinutes, 0))', 'minutes')
      .where("s.attendance = 'confirmed'")
      .groupBy('a.orgUnitId')
      .addGroupBy(day)
      .getRawMany();
    return rows.map((r) => ({
      orgUnitId: Number(r.orgUnitId),
      day: String(r.day),
      count: Number(r.count),
      minutes: Number(r.minutes ?? 0),
    }));
  }
}
