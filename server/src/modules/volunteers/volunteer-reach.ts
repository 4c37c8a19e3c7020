import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Skill, VolunteerSkill, VolunteerTier } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { likeContains } from '../companies/companies.service.js';
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

/** Who a call-up asks (docs/callups.md#call-ups-and-targeting): the units, optionally a team's people, skills, tiers. */
export interface ReachFilter {
  stationIds: readonly number[];
  communityIds: readonly number[];
  /** only these volunteers (a team's members and leader); absent = anyone in the units */
  onlyIds?: readonly number[];
  /** every listed skill is needed, its certificate not expired (valid through its expiry date, Shanghai) */
  skills?: readonly Skill[];
  /** empty or absent = any tier */
  tiers?: readonly VolunteerTier[];
}

export type MatchedVolunteer = ReachableVolunteer & { tier: VolunteerTier };

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
    private readonly clock: Clock,
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

  /**
   * Active volunteers managed by or living in the units who match the filter, in one query: tiers, and skills (all) as
   * a first cut, are filtered in SQL, so a city of 20,000 volunteers is one read, not one per archive; the rows read
   * are then held to a skill whose certificate has not expired (the archive's JSON, read only when skills are asked).
   */
  async activeMatching(f: ReachFilter): Promise<MatchedVolunteer[]> {
    if (f.stationIds.length === 0 && f.communityIds.length === 0) return [];
    if (f.onlyIds && f.onlyIds.length === 0) return [];
    const qb = this.ds
      .getRepository(Volunteer)
      .createQueryBuilder('v')
      .select('v.id', 'id')
      .addSelect('v.userId', 'userId')
      .addSelect('v.stationId', 'stationId')
      .addSelect('v.residenceCommunityId', 'residenceCommunityId')
      .addSelect('v.tier', 'tier')
      .where("v.status = 'active'");
    const skills = f.skills ?? [];
    if (skills.length) qb.addSelect('v.skills', 'skills');
    const or: string[] = [];
    if (f.stationIds.length) or.push('v.stationId IN (:...stationIds)');
    if (f.communityIds.length) or.push('v.residenceCommunityId IN (:...communityIds)');
    qb.andWhere(`(${or.join(' OR ')})`, { stationIds: [...f.stationIds], communityIds: [...f.communityIds] });
    if (f.onlyIds) qb.andWhere('v.id IN (:...onlyIds)', { onlyIds: [...f.onlyIds] });
    if (f.tiers?.length) qb.andWhere('v.tier IN (:...tiers)', { tiers: [...f.tiers] });
    skills.forEach((skill, i) =>
      qb.andWhere(`v.skills LIKE :skill${i} ESCAPE '!'`, { [`skill${i}`]: likeContains(`"name":"${skill}"`) }),
    );
    // raw rows: a city's 20,000 volunteers are read without building an entity for each
    const rows: Record<string, unknown>[] = await qb.orderBy('v.id', 'ASC').getRawMany();
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    const today = this.clock.today();
    const held = skills.length ? rows.filter((r) => holdsSkills(r.skills, skills, today)) : rows;
    return held.map((r) => ({
      id: Number(r.id),
      userId: Number(r.userId),
      stationId: num(r.stationId),
      residenceCommunityId: num(r.residenceCommunityId),
      tier: r.tier as VolunteerTier,
    }));
  }

  /** How many of these volunteers have a mobile (the archive's, else the account's): who a text can reach. */
  async countWithPhone(volunteerIds: readonly number[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < volunteerIds.length; i += BATCH) {
      const rows = await this.ds.getRepository(Volunteer).find({
        where: { id: In(volunteerIds.slice(i, i + BATCH)) },
        select: { id: true, userId: true, phoneEnc: true },
      });
      const rest = rows.filter((r) => !r.phoneEnc).map((r) => r.userId);
      const users = rest.length ? await this.users.findByIds(rest, { id: true, phoneEnc: true }) : [];
      n += rows.length - rest.length + users.filter((u) => u.phoneEnc).length;
    }
    return n;
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

/** Whether an archive's skills (its JSON column) hold every one of `wanted` with a certificate valid on `today`. */
export function holdsSkills(column: unknown, wanted: readonly Skill[], today: string): boolean {
  let list: VolunteerSkill[];
  try {
    list = typeof column === 'string' ? (JSON.parse(column) as VolunteerSkill[]) : ((column ?? []) as VolunteerSkill[]);
  } catch {
    return false;
  }
  if (!Array.isArray(list)) return false;
  return wanted.every((name) => list.some((s) => s?.name === name && (!s.expiresOn || s.expiresOn >= today)));
}
