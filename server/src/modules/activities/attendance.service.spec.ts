import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../test/unit/rows.js';
import { PointsLedgerEntry } from '../../../test/unit/rows.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { Volunteer } from '../../../test/unit/rows.js';
import { AttendanceService } from './attendance.service.js';
import type { AttendanceItemDto } from './dto/signup.dto.js';
import type { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  FakeWechat,
  orgTree,
  unitAudit,
  unitNotifications,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { Notification } from '../../../test/unit/rows.js';
import { serviceHours } from './attendance.service.js';
import { createActivity, createSignup } from '../../../test/unit/factories-activities.js';

const START = new Date('2026-11-30T10:00:00Z');
const END = new Date('2026-11-30T12:00:00Z');
const item = (signupId: number, over: Partial<AttendanceItemDto> = {}) =>
  ({ signupId, present: true, ...over }) as AttendanceItemDto;

describe('AttendanceService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let a: Activity;
  const wechat = new FakeWechat();
  const sut = (iso = '2026-11-30T15:30:00Z') => {
    const clock = clockAt(iso);
    const notifications = unitNotifications(ds, clock, wechat);
    return new AttendanceService(
      ds,
      new PointsLedgerService(ds, clock, notifications),
      unitAudit(ds, clock),
      clock,
      new VolunteerQueries(ds),
      notifications,
    );
  };
  const officer = () => staffActor('station_officer', org.stationA, 31);
  /** A confirmed volunteer of `a` with the check-in `over` describes. */
  const member = async (over: Partial<ActivitySignup> = {}) => {
    const user = await createUser(ds, START);
    const v = await createVolunteer(ds, START, user, org.stationA);
    return { v, s: await createSignup(ds, a, v, over) };
  };

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, START);
    // two hours, 10 points an hour, wartime (points × 2); the clock says it has ended
    a = await createActivity(ds, org.stationA, START, { endAt: END, pointsFactorPct: 200, status: 'ongoing' });
  });

  afterAll(() => ds.destroy());

  it('only staff in scope confirm, and only once the activity has ended', async () => {
    const { s } = await member();
    expect(await code(sut().confirm(staffActor('station_officer', org.stationB), a.id, [item(s.id)]))).toBe(
      'NOT_FOUND',
    );
    expect(await code(sut('2026-11-30T11:59:00Z').confirm(officer(), a.id, [item(s.id)]))).toBe(
      'ATTENDANCE_NOT_ALLOWED',
    );
    expect(await code(sut().confirm(officer(), a.id, [item(99999)]))).toBe('NOT_FOUND');
  });

  it('confirming locks the minutes once: points by the rule and factor, service time and the last duty move, credited once', async () => {
    const { v, s } = await member({
      checkinAt: new Date('2026-11-30T09:50:00Z'),
      checkoutAt: new Date('2026-11-30T11:30:00Z'),
      checkedMinutes: 90,
    });
    const res = await sut().confirm(officer(), a.id, [item(s.id, { manualMinutes: 15, manualNote: '提前到场布岗' })]);
    // (90 + 15) minutes × 10 points an hour × 200 %
    expect(res.confirmed).toEqual([{ signupId: s.id, minutes: 105, points: 35 }]);
    const again = await sut().confirm(officer(), a.id, [item(s.id), item(s.id)]);
    expect(again).toEqual({ confirmed: [], absent: [], unchanged: [s.id] });
    const entries = await ds.getRepository(PointsLedgerEntry).findBy({ volunteerId: v.id });
    expect(entries.map((e) => [e.amount, e.idempotencyKey])).toEqual([[35, `activity-attendance:${s.id}`]]);
    const after = await ds.getRepository(Volunteer).findOneByOrFail({ id: v.id });
    expect([after.serviceMinutes, after.lastDutyAt]).toEqual([105, END]);
  });

  it('present without a check-in needs minutes by hand, and minutes by hand need a note; absence is recorded', async () => {
    const { s } = await member();
    expect(await code(sut().confirm(officer(), a.id, [item(s.id)]))).toBe('ATTENDANCE_MINUTES_REQUIRED');
    await expect(sut().confirm(officer(), a.id, [item(s.id, { manualMinutes: 30 })])).rejects.toMatchObject({
      code: 'ATTENDANCE_MINUTES_REQUIRED',
      details: { field: 'manualNote' },
    });
    const { s: away } = await member();
    expect(await sut().confirm(officer(), a.id, [item(away.id, { present: false })])).toEqual({
      confirmed: [],
      absent: [away.id],
      unchanged: [],
    });
    const row = await ds.getRepository(ActivitySignup).findOneByOrFail({ id: away.id });
    expect([row.attendance, row.confirmedByUserId, row.pointsAwarded]).toEqual(['absent', 31, 0]);
  });

  it('checked in but never out: the officer is shown the minutes to the end, and closing at the end flags it', async () => {
    const { s } = await member({ checkinAt: new Date('2026-11-30T10:30:00Z') });
    await expect(sut().confirm(officer(), a.id, [item(s.id)])).rejects.toMatchObject({
      code: 'ATTENDANCE_NOT_CHECKED_OUT',
      details: { signupId: s.id, proposedMinutes: 90 },
    });
    const res = await sut().confirm(officer(), a.id, [item(s.id, { checkoutAtEnd: true })]);
    expect(res.confirmed).toEqual([{ signupId: s.id, minutes: 90, points: 30 }]);
    const row = await ds.getRepository(ActivitySignup).findOneByOrFail({ id: s.id });
    expect([row.checkoutAt, row.autoCheckedOut, row.confirmedMinutes]).toEqual([END, true, 90]);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ targetId: String(s.id) });
    expect([audit.action, audit.after]).toEqual([
      'activity.attendance.confirm',
      { checkedMinutes: 90, checkedOutAtEnd: true, manualMinutes: 0, manualNote: null, points: 30 },
    ]);
  });

  it('the volunteer is told once: 服务已确认 with the activity, its Shanghai date, the hours and the points credited', async () => {
    const { v, s } = await member({
      checkinAt: new Date('2026-11-30T10:00:00Z'),
      checkoutAt: new Date('2026-11-30T11:30:00Z'),
      checkedMinutes: 90,
    });
    // at 23:30 UTC it is already 1 December in Shanghai: the message names the activity's day, 30 November
    await unitNotifications(ds, clockAt('2026-11-30T23:30:00Z'), wechat).recordConsents(v.userId, [
      'attendance_confirmed',
    ]);
    const pushedBefore = wechat.sent.length;
    await sut('2026-11-30T23:30:00Z').confirm(officer(), a.id, [item(s.id)]);
    await sut('2026-11-30T23:31:00Z').confirm(officer(), a.id, [item(s.id)]);
    const messages = await ds.getRepository(Notification).findBy({ userId: v.userId });
    expect(messages.map((n) => [n.template, n.title, n.body, n.pushStatus])).toEqual([
      [
        'attendance_confirmed',
        '服务已确认',
        '服务已确认：采石片区夜间巡逻 2026-11-30 服务 1.5 小时，积分到账：+30，余额 30',
        'sent',
      ],
    ]);
    expect(wechat.sent.slice(pushedBefore).map((m) => m.data)).toEqual([
      {
        thing1: { value: '采石片区夜间巡逻' },
        date2: { value: '2026-11-30' },
        number3: { value: '1.5' },
        character_string4: { value: '+30' },
      },
    ]);
  });

  it('service hours read as a guard says them', () => {
    expect([120, 90, 50, 0, 105].map(serviceHours)).toEqual(['2', '1.5', '0.8', '0', '1.8']);
  });
});
