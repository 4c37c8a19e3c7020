import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  distanceMeters,
  HOURS_OVER_WINDOW_GRACE_MINUTES,
  RAPID_CHECKIN_METRES,
  RAPID_CHECKIN_MINUTES,
  type HonestyFlagKind,
  type HonestyLink,
} from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { CheckinReviewQueries, type ReviewedSignup } from '../activities/checkin-review-queries.js';
import { ApplicationQueries } from '../applications/application-queries.js';
import { RosterMatchService } from '../roster/roster-match.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { HonestyFlag } from './honesty-flag.entity.js';
import { HonestyWatermark } from './honesty-watermark.entity.js';

const PAGE = 500;
const MAX_PAGES = 20;
/** Each run re-reads this far behind its watermark: rows committed late, and the partner of a rapid check-in. */
const OVERLAP_MS = RAPID_CHECKIN_MINUTES * 60_000;

interface NewFlag {
  kind: HonestyFlagKind;
  recordKey: string;
  orgUnitId: number;
  orgPath: string;
  summary: string;
  links: HonestyLink[];
  occurredAt: Date;
}

const minutesText = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} 分钟`;
const activityLink = (a: ReviewedSignup['activity']): HonestyLink => ({ type: 'activity', id: a.id, label: a.title });

/**
 * The `honesty-scan` job (docs/supervision.md#honesty): reads check-ins, confirmed attendance and approvals from its
 * watermarks on, in pages, and writes each implausible record once (unique kind + record key). Check-ins are compared
 * by account only: the device is not recorded.
 */
@Injectable()
export class HonestyScan {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly checkins: CheckinReviewQueries,
    private readonly applications: ApplicationQueries,
    private readonly roster: RosterMatchService,
    private readonly volunteers: VolunteerQueries,
  ) {}

  async run(): Promise<Record<string, number>> {
    const rapid = await this.paged(
      'checkins',
      (from) => this.checkins.checkinsFrom(from, PAGE),
      (r) => r.checkinAt!,
      (rows) => this.rapidCheckins(rows),
    );
    const attendance = await this.paged(
      'attendance',
      (from) => this.checkins.confirmedFrom(from, PAGE),
      (r) => r.confirmedAt!,
      (rows) => this.attendance(rows),
    );
    const names = await this.paged(
      'approvals',
      (from) => this.applications.approvedFromRosterFrom(from, PAGE),
      (a) => a.decidedAt,
      (rows) => this.nameMismatches(rows),
    );
    return { rapidCheckins: rapid, attendance, rosterNameMismatch: names };
  }

  /** Pages of one source from its watermark (less the overlap) on; the watermark moves to the last instant read. */
  private async paged<T>(
    source: string,
    read: (from: Date) => Promise<T[]>,
    at: (row: T) => Date,
    handle: (rows: T[]) => Promise<number>,
  ): Promise<number> {
    const now = this.clock.now();
    const repo = this.ds.getRepository(HonestyWatermark);
    const mark = (await repo.findOneBy({ source }))?.markAt ?? new Date(0);
    let from = new Date(Math.max(0, mark.getTime() - OVERLAP_MS));
    let next = mark;
    let found = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const rows = await read(from);
      found += await handle(rows);
      if (rows.length < PAGE) {
        next = now;
        break;
      }
      const last = at(rows[rows.length - 1]);
      if (last.getTime() <= from.getTime()) break; // a full page of one instant: leave the rest to the next run
      from = next = last;
    }
    if (next.getTime() > mark.getTime()) await repo.save({ source, markAt: next, updatedAt: now });
    return found;
  }

  private async rapidCheckins(rows: ReviewedSignup[]): Promise<number> {
    if (!rows.length) return 0;
    const windowMs = RAPID_CHECKIN_MINUTES * 60_000;
    const first = rows[0].checkinAt!.getTime();
    const last = rows[rows.length - 1].checkinAt!.getTime();
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const near = await this.checkins.checkinsOfUsers(userIds, new Date(first - windowMs), new Date(last + windowMs));
    const byUser = new Map<number, ReviewedSignup[]>();
    for (const s of near) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
    const pairs = new Map<string, [ReviewedSignup, ReviewedSignup, number]>();
    for (const r of rows)
      for (const o of byUser.get(r.userId) ?? []) {
        if (o.signupId === r.signupId) continue;
        if (Math.abs(o.checkinAt!.getTime() - r.checkinAt!.getTime()) > windowMs) continue;
        const metres = distanceMeters({ lat: r.lat!, lng: r.lng! }, { lat: o.lat!, lng: o.lng! });
        if (metres < RAPID_CHECKIN_METRES) continue;
        const [a, b] = r.checkinAt! <= o.checkinAt! ? [r, o] : [o, r];
        pairs.set(`${Math.min(a.signupId, b.signupId)}:${Math.max(a.signupId, b.signupId)}`, [a, b, metres]);
      }
    const names = await this.volunteerNames([...pairs.values()].map(([a]) => a.volunteerId));
    let n = 0;
    for (const [key, [a, b, metres]] of pairs) {
      const who = names.get(a.volunteerId) ?? '义警';
      n += await this.insert({
        kind: 'rapid_checkins',
        recordKey: key,
        orgUnitId: b.activity.orgUnitId,
        orgPath: b.activity.orgPath,
        summary:
          `${who} 在 ${minutesText(b.checkinAt!.getTime() - a.checkinAt!.getTime())}内先后在「${a.activity.title}」` +
          `和「${b.activity.title}」签到，两地相距 ${(metres / 1000).toFixed(1)} 公里（同一账号）`,
        links: [
          { type: 'volunteer', id: a.volunteerId, label: who },
          { type: 'signup', id: a.signupId, label: `「${a.activity.title}」的签到` },
          { type: 'signup', id: b.signupId, label: `「${b.activity.title}」的签到` },
          activityLink(a.activity),
          activityLink(b.activity),
        ],
        occurredAt: b.checkinAt!,
      });
    }
    return n;
  }

  private async attendance(rows: ReviewedSignup[]): Promise<number> {
    const names = await this.volunteerNames(rows.map((r) => r.volunteerId));
    let n = 0;
    for (const r of rows) {
      const who = names.get(r.volunteerId) ?? '义警';
      const base = {
        recordKey: String(r.signupId),
        orgUnitId: r.activity.orgUnitId,
        orgPath: r.activity.orgPath,
        links: [
          { type: 'volunteer' as const, id: r.volunteerId, label: who },
          { type: 'signup' as const, id: r.signupId, label: `「${r.activity.title}」的报名与出勤` },
          activityLink(r.activity),
        ],
        occurredAt: r.confirmedAt!,
      };
      if (!r.checkinAt)
        n += await this.insert({
          ...base,
          kind: 'attendance_without_checkin',
          summary: `${who} 在「${r.activity.title}」没有签到记录，却被确认出勤`,
        });
      const windowMinutes = Math.round((r.activity.endAt.getTime() - r.activity.startAt.getTime()) / 60_000);
      if ((r.confirmedMinutes ?? 0) > windowMinutes + HOURS_OVER_WINDOW_GRACE_MINUTES)
        n += await this.insert({
          ...base,
          kind: 'hours_over_window',
          summary:
            `${who} 在「${r.activity.title}」记入 ${((r.confirmedMinutes ?? 0) / 60).toFixed(1)} 小时，` +
            `活动时段只有 ${(windowMinutes / 60).toFixed(1)} 小时`,
        });
    }
    return n;
  }

  private async nameMismatches(
    rows: { id: number; name: string; rosterGuardId: number; stationId: number; orgPath: string; decidedAt: Date }[],
  ): Promise<number> {
    const roster = await this.roster.namesByIds([...new Set(rows.map((a) => a.rosterGuardId))]);
    const plain = (s: string) => s.replace(/[\s·•.]/g, '');
    let n = 0;
    for (const a of rows) {
      const guardName = roster.get(a.rosterGuardId);
      if (guardName === undefined || plain(guardName) === plain(a.name)) continue;
      n += await this.insert({
        kind: 'roster_name_mismatch',
        recordKey: String(a.id),
        orgUnitId: a.stationId,
        orgPath: a.orgPath,
        summary: `申请人「${a.name}」已批准，但匹配的花名册保安员姓名是「${guardName}」`,
        links: [
          { type: 'application', id: a.id, label: `${a.name} 的申请` },
          { type: 'roster_guard', id: a.rosterGuardId, label: `花名册：${guardName}` },
        ],
        occurredAt: a.decidedAt,
      });
    }
    return n;
  }

  private async volunteerNames(ids: number[]): Promise<Map<number, string>> {
    const rows = await this.volunteers.findByIds([...new Set(ids)]);
    return new Map(rows.flatMap((v) => (v.name ? [[v.id, v.name] as [number, string]] : [])));
  }

  /** 1 when written, 0 when the record was flagged before. */
  private async insert(flag: NewFlag): Promise<number> {
    try {
      await this.ds.getRepository(HonestyFlag).insert({
        ...flag,
        summary: [...flag.summary].slice(0, 500).join(''),
        detectedAt: this.clock.now(),
        status: 'open',
        dismissReason: null,
        dismissedByUserId: null,
        dismissedByName: null,
        dismissedAt: null,
        version: 1,
      });
      return 1;
    } catch (err) {
      if (isDuplicateKey(err)) return 0;
      throw err;
    }
  }
}
