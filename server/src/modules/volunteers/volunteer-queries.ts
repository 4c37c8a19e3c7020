import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CriminalCheckResult } from '@jianghuai/shared';
import { Volunteer } from './volunteer.entity.js';
import { CriminalRecordCheck } from './criminal-record-check.entity.js';
import { businessDaySql } from '../../database/business-day-sql.js';

/** A volunteer row as other modules see it (they read the volunteers table only through this module). */
export type VolunteerRecord = Volunteer;
export type CriminalRecordCheckRecord = CriminalRecordCheck;

export interface NewCriminalRecordCheck {
  applicationId: number | null;
  volunteerId: number | null;
  result: CriminalCheckResult;
  checkedBy: string;
  checkedAt: Date;
  note: string | null;
  recordedById: number;
  recordedByName: string;
  recordedAt: Date;
}

/** A member's sign-up eligibility fields by user id (the activity sign-up path runs it as plain SQL). */
export const VOLUNTEER_ELIGIBILITY_SQL =
  'SELECT id, userId, status, tier, skills, birthDate FROM volunteers WHERE userId = ?';

/**
 * The guard's actor query joins the volunteer row of user `u` as `v`: the join and the two columns it reads,
 * as SQL over this module's table.
 */
export const VOLUNTEER_OF_USER_SQL = {
  join: 'LEFT JOIN volunteers v ON v.userId = u.id',
  status: 'v.status',
  name: 'v.name',
} as const;

/**
 * The active member holding an ID number, for a LEFT JOIN by the number's keyed hash (the SQL expression
 * `idHash`) under the alias `alias`: a roster guard who has joined.
 */
export const ACTIVE_MEMBER_BY_ID_HASH = {
  table: 'volunteers',
  on: (alias: string, idHash: string): string => `${alias}.idHash = ${idHash} AND ${alias}.status = 'active'`,
} as const;

/**
 * Reads of the volunteers table and the criminal-record check register for other modules, and the
 * writes they make in their own transactions (attended service time, a recorded check). Checks are
 * recorded here for applications (first check) and volunteers (yearly re-check) alike. Pass a
 * transaction's manager to work inside it.
 */
@Injectable()
export class VolunteerQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.ds.manager;
  }

  findById(id: number, manager?: EntityManager): Promise<VolunteerRecord | null> {
    return this.manager(manager).getRepository(Volunteer).findOneBy({ id });
  }

  findByUserId(userId: number, manager?: EntityManager): Promise<VolunteerRecord | null> {
    return this.manager(manager).getRepository(Volunteer).findOneBy({ userId });
  }

  findByIdHash(idHash: string, manager?: EntityManager): Promise<VolunteerRecord | null> {
    return this.manager(manager).getRepository(Volunteer).findOneBy({ idHash });
  }

  findByUserIds(userIds: readonly number[], manager?: EntityManager): Promise<VolunteerRecord[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(Volunteer)
      .findBy({ userId: In([...userIds]) });
  }

  findByIds(ids: readonly number[], manager?: EntityManager): Promise<VolunteerRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager(manager)
      .getRepository(Volunteer)
      .findBy({ id: In([...ids]) });
  }

  /**
   * Active volunteers of the given stations (insurance picks whom to enrol from them), oldest first: the
   * columns a pick list shows, and the sealed phone for a search by its last digits.
   */
  findActiveAtStations(stationIds: readonly number[], tier?: VolunteerRecord['tier']): Promise<VolunteerRecord[]> {
    if (stationIds.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(Volunteer).find({
      where: { stationId: In([...stationIds]), status: 'active', ...(tier ? { tier } : {}) },
      select: { id: true, name: true, memberNo: true, tier: true, stationId: true, phoneEnc: true },
      order: { id: 'ASC' },
    });
  }

  /** Adds attended service time, in the attendance's transaction: minutes served and the last duty's end. */
  async recordServiceTime(manager: EntityManager, volunteerId: number, minutes: number, endAt: Date): Promise<void> {
    await manager
      .getRepository(Volunteer)
      .createQueryBuilder()
      .update()
      .set({
        serviceMinutes: () => 'serviceMinutes + :minutes',
        lastDutyAt: () => 'CASE WHEN lastDutyAt IS NULL OR lastDutyAt < :end THEN :end ELSE lastDutyAt END',
      })
      .where('id = :vid', { vid: volunteerId, minutes, end: endAt })
      .execute();
  }

  /** Records a check and returns its id. */
  async recordCriminalCheck(manager: EntityManager, check: NewCriminalRecordCheck): Promise<number> {
    const res = await manager.getRepository(CriminalRecordCheck).insert(check);
    return res.identifiers[0].id as number;
  }

  findCriminalCheck(id: number): Promise<CriminalRecordCheckRecord | null> {
    return this.ds.getRepository(CriminalRecordCheck).findOneBy({ id });
  }

  findCriminalChecks(ids: readonly number[]): Promise<CriminalRecordCheckRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(CriminalRecordCheck).findBy({ id: In([...ids]) });
  }

  // ── summary reads for the dashboard's statistics (grouped in SQL, never row by row) ──

  /** Active volunteers per managing station and tier. */
  async activeByStationTier(): Promise<{ stationId: number | null; tier: string; count: number }[]> {
    const rows: { stationId: number | null; tier: string; count: string | number }[] = await this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .select('v.stationId', 'stationId')
      .addSelect('v.tier', 'tier')
      .addSelect('COUNT(*)', 'count')
      .where("v.status = 'active'")
      .groupBy('v.stationId')
      .addGroupBy('v.tier')
      .getRawMany();
    return rows.map((r) => ({ stationId: r.stationId, tier: r.tier, count: Number(r.count) }));
  }

  /**
   * Volunteers per managing station and business day they joined (`joined`), or — for those no longer active — the
   * day their status changed (`left`).
   */
  async movementsByStationDay(
    kind: 'joined' | 'left',
  ): Promise<{ stationId: number | null; day: string; count: number }[]> {
    const column = kind === 'joined' ? 'v.joinedAt' : 'v.statusChangedAt';
    const day = businessDaySql(this.ds, column);
    const qb = this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .select('v.stationId', 'stationId')
      .addSelect(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .groupBy('v.stationId')
      .addGroupBy(day);
    if (kind === 'left') qb.where("v.status <> 'active' AND v.statusChangedAt IS NOT NULL");
    const rows: { stationId: number | null; day: string; count: string | number }[] = await qb.getRawMany();
    return rows.map((r) => ({ stationId: r.stationId, day: String(r.day), count: Number(r.count) }));
  }
}
