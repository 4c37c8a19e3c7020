import type { DataSource } from 'typeorm';
import type { User } from '../../../test/unit/rows.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { CheckinService } from './checkin.service.js';
import type { CheckinDto } from './dto/signup.dto.js';
import type { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import {
  createActivity,
  createSignup,
  memberActor,
  unitActivitiesConfig,
  unitTeams,
} from '../../../test/unit/factories-activities.js';

/** At the activity's spot (31.6, 118.5) give or take `dLat` degrees north (0.001° ≈ 111 m). */
const here = (dLat = 0, accuracy = 20) =>
  ({ method: 'location', lat: 31.6 + dLat, lng: 118.5, accuracy }) as CheckinDto;
const sut = (ds: DataSource, iso: string) =>
  new CheckinService(ds, unitActivitiesConfig(), clockAt(iso), unitTeams(ds));

describe('CheckinService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let user: User, volunteer: Volunteer;
  let day = 0;
  /** A fresh activity each test, on its own day in December, 02:00–04:00 UTC, the volunteer confirmed. */
  const activity = async (over: Partial<Activity> = {}) => {
    day++;
    const start = new Date(`2026-12-${String(day).padStart(2, '0')}T02:00:00Z`);
    const a = await createActivity(ds, org.stationA, start, over);
    return {
      a,
      s: await createSignup(ds, a, volunteer),
      at: (hhmm: string) => `${start.toISOString().slice(0, 11)}${hhmm}:00Z`,
    };
  };
  const row = (id: number) => ds.getRepository(ActivitySignup).findOneByOrFail({ id });

  beforeAll(async () => {
    ds = await unitDataSource();
    const at = clockAt('2026-11-30T15:30:00Z').now();
    org = await orgTree(ds, at);
    user = await createUser(ds, at);
    volunteer = await createVolunteer(ds, at, user, org.stationA);
  });

  afterAll(() => ds.destroy());

  it('check-in opens 30 minutes before the start and closes at the end, for confirmed volunteers only', async () => {
    const { a, s, at } = await activity();
    const me = memberActor(user);
    expect(await code(sut(ds, at('01:29')).checkIn(me, a.id, here()))).toBe('CHECKIN_OUTSIDE_WINDOW');
    expect(await code(sut(ds, at('04:01')).checkIn(me, a.id, here()))).toBe('CHECKIN_OUTSIDE_WINDOW');
    const stranger = memberActor(await createUser(ds, a.createdAt));
    expect(await code(sut(ds, at('01:31')).checkIn(stranger, a.id, here()))).toBe('CHECKIN_NOT_CONFIRMED');
    const first = await sut(ds, at('01:31')).checkIn(me, a.id, here(0.001), new Date(at('01:31')));
    expect(first.checkinAt).toBe(new Date(at('01:31')).toISOString());
    // checking in again changes nothing: the first check-in stands
    expect((await sut(ds, at('02:30')).checkIn(me, a.id, here())).checkinAt).toBe(first.checkinAt);
    expect((await row(s.id)).checkinDistanceM).toBe(111);
  });

  it('a location check-in must fall within the radius widened by the capped accuracy', async () => {
    const { a, at } = await activity();
    const me = memberActor(user);
    expect(await code(sut(ds, at('02:00')).checkIn(me, a.id, { method: 'location' } as CheckinDto))).toBe(
      'CHECKIN_LOCATION_REQUIRED',
    );
    // 445 m away: outside 300 m even with the accuracy capped at 100 m
    await expect(sut(ds, at('02:00')).checkIn(me, a.id, here(0.004, 5000))).rejects.toMatchObject({
      code: 'CHECKIN_OUT_OF_RANGE',
      details: { distanceM: 445, radiusM: 300 },
    });
    // 334 m away: outside with 20 m accuracy, inside with 80 m
    expect(await code(sut(ds, at('02:00')).checkIn(me, a.id, here(0.003, 20)))).toBe('CHECKIN_OUT_OF_RANGE');
    expect((await sut(ds, at('02:00')).checkIn(me, a.id, here(0.003, 80))).checkinMethod).toBe('location');
  });

  it('the rotating QR code is minted only in scope and accepted in its slot and the next, for its own activity', async () => {
    const { a, at } = await activity();
    const other = await createActivity(ds, org.stationA, a.startAt);
    const officer = staffActor('station_officer', org.stationA);
    expect(await code(sut(ds, at('02:00')).qrToken(staffActor('station_officer', org.stationB), a.id))).toBe(
      'NOT_FOUND',
    );
    const mint = new Date(at('02:00'));
    const { token, slotSeconds } = await sut(ds, at('02:00')).qrToken(officer, a.id, mint);
    expect(slotSeconds).toBe(30);
    const wrong = (await sut(ds, at('02:00')).qrToken(officer, other.id, mint)).token;
    const me = memberActor(user);
    const qr = (t: string) => ({ method: 'qr', token: t }) as CheckinDto;
    const late = new Date(mint.getTime() + 61_000);
    expect(await code(sut(ds, at('02:01')).checkIn(me, a.id, qr(wrong), late))).toBe('CHECKIN_QR_WRONG_ACTIVITY');
    expect(await code(sut(ds, at('02:01')).checkIn(me, a.id, qr(token), late))).toBe('CHECKIN_QR_EXPIRED');
    expect(await code(sut(ds, at('02:01')).checkIn(me, a.id, qr(`${token}x`), late))).toBe('CHECKIN_QR_INVALID');
    const next = new Date(mint.getTime() + 30_000);
    expect((await sut(ds, at('02:00')).checkIn(me, a.id, qr(token), next)).checkinMethod).toBe('qr');
  });

  it('check-out needs a check-in and the start; service time is the overlap with the activity, once', async () => {
    const { a, s, at } = await activity();
    const me = memberActor(user);
    expect(await code(sut(ds, at('01:45')).checkOut(me, a.id, {}))).toBe('CHECKOUT_NOT_CHECKED_IN');
    await sut(ds, at('01:40')).checkIn(me, a.id, here());
    expect(await code(sut(ds, at('01:50')).checkOut(me, a.id, {}))).toBe('CHECKOUT_BEFORE_START');
    // checked in 01:40, out after the end (04:00): 120 minutes, the check-out recorded at the end
    const out = await sut(ds, at('04:30')).checkOut(me, a.id, {});
    expect([out.checkoutAt, out.checkedMinutes]).toEqual([a.endAt.toISOString(), 120]);
    await sut(ds, at('05:00')).checkOut(me, a.id, {});
    expect((await row(s.id)).checkoutAt).toEqual(a.endAt);
  });

  it('the automatic check-out closes open check-ins at the end once the grace hour has passed, flagged, once', async () => {
    const { a, s, at } = await activity();
    await ds.getRepository(ActivitySignup).update({ id: s.id }, { checkinAt: new Date(at('03:00')) });
    await sut(ds, at('04:59')).autoCheckout();
    expect((await row(s.id)).checkoutAt).toBeNull();
    expect(await sut(ds, at('05:00')).autoCheckout()).toBe(1);
    expect(await sut(ds, at('05:10')).autoCheckout()).toBe(0);
    const closed = await row(s.id);
    expect([closed.checkoutAt, closed.checkedMinutes, closed.autoCheckedOut]).toEqual([a.endAt, 60, true]);
  });
});
