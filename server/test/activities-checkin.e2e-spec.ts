import { distanceMeters } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import {
  PINGHU,
  createVolunteers,
  minutesFromNow,
  publishActivity,
  shiftActivity,
  type TestVolunteer,
} from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';
import { activitiesConfig, type ActivitiesConfig } from '../src/config/activities.config.js';
import { CheckinQr } from '../src/modules/activities/checkin-qr.js';
import { ActivityJobsService } from '../src/modules/activities/activity-jobs.service.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';

/** Check-in and check-out (docs/product.md#activities): geofence with accuracy, time window, rotating QR, overlap, auto check-out. */
describe('Activity check-in (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let config: ActivitiesConfig;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    config = ctx.app.get<ActivitiesConfig>(activitiesConfig.KEY);
  });
  afterAll(() => ctx.close());

  /** A published activity with `n` confirmed volunteers, then moved to start `startIn` minutes from now. */
  async function running(n: number, startIn = -10, lengthMin = 120): Promise<{ id: number; vs: TestVolunteer[] }> {
    const a = await publishActivity(ctx, pinghu, { capacity: n + 1 });
    const vs = await createVolunteers(ctx, n);
    for (const v of vs)
      await ctx
        .http()
        .post(`/api/activities/${a.id}/signup`)
        .set(...bearer(v.token))
        .expect(201);
    await shiftActivity(ctx, a.id, minutesFromNow(startIn), minutesFromNow(startIn + lengthMin));
    return { id: a.id, vs };
  }
  const checkIn = (v: TestVolunteer, id: number, body: object) =>
    ctx
      .http()
      .post(`/api/activities/${id}/checkin`)
      .set(...bearer(v.token))
      .send(body);
  /** A point `meters` due north of the activity. */
  const north = (meters: number) => ({ lat: PINGHU.lat + meters / 111_195, lng: PINGHU.lng });

  it('geofence edges: inside the radius, outside it, and the phone accuracy widening it up to the cap', async () => {
    const { id, vs } = await running(5);
    const edge = north(299);
    expect(distanceMeters(edge, PINGHU)).toBeLessThan(300);
    expect((await checkIn(vs[0], id, { method: 'location', ...edge, accuracy: 0 }).expect(200)).body).toMatchObject({
      checkinMethod: 'location',
    });
    const out = await checkIn(vs[1], id, { method: 'location', ...north(305), accuracy: 0 }).expect(422);
    expect(out.body).toMatchObject({ code: 'CHECKIN_OUT_OF_RANGE', details: { radiusM: 300 } });
    await checkIn(vs[1], id, { method: 'location', ...north(350), accuracy: 60 }).expect(200);
    // accuracy counts only up to the cap (100 m): 450 m away with a claimed 500 m accuracy is refused
    await checkIn(vs[2], id, { method: 'location', ...north(450), accuracy: 500 }).expect(422);
    await checkIn(vs[2], id, { method: 'location', ...north(395), accuracy: 500 }).expect(200);
    expect((await checkIn(vs[3], id, { method: 'location' }).expect(400)).body.code).toBe('CHECKIN_LOCATION_REQUIRED');
  });

  it('checking in twice changes nothing the second time', async () => {
    const { id, vs } = await running(1);
    const first = (await checkIn(vs[0], id, { method: 'location', ...north(10), accuracy: 5 }).expect(200)).body;
    const again = (await checkIn(vs[0], id, { method: 'location', ...north(200), accuracy: 5 }).expect(200)).body;
    expect(again.checkinAt).toBe(first.checkinAt);
    const row = await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ id: first.id });
    expect(row.checkinDistanceM).toBe(10);
  });

  it('the window opens 30 minutes before the start and closes at the end', async () => {
    const early = await running(1, 45);
    expect(
      (await checkIn(early.vs[0], early.id, { method: 'location', ...north(0), accuracy: 5 }).expect(422)).body.code,
    ).toBe('CHECKIN_OUTSIDE_WINDOW');
    const soon = await running(1, 25);
    await checkIn(soon.vs[0], soon.id, { method: 'location', ...north(0), accuracy: 5 }).expect(200);
    const over = await running(1, -130, 120);
    expect(
      (await checkIn(over.vs[0], over.id, { method: 'location', ...north(0), accuracy: 5 }).expect(422)).body.code,
    ).toBe('CHECKIN_OUTSIDE_WINDOW');
  });

  it('only a confirmed volunteer may check in', async () => {
    const a = await publishActivity(ctx, pinghu, { capacity: 1 });
    const [v1, v2] = await createVolunteers(ctx, 2);
    await ctx
      .http()
      .post(`/api/activities/${a.id}/signup`)
      .set(...bearer(v1.token))
      .expect(201);
    await ctx
      .http()
      .post(`/api/activities/${a.id}/signup`)
      .set(...bearer(v2.token))
      .expect(201);
    await shiftActivity(ctx, a.id, minutesFromNow(-5), minutesFromNow(60));
    expect((await checkIn(v2, a.id, { method: 'location', ...north(0), accuracy: 5 }).expect(422)).body.code).toBe(
      'CHECKIN_NOT_CONFIRMED',
    );
  });

  it('rotating QR: the officer shows a code that works now, still a slot later, not a minute later, and not for another activity', async () => {
    const { id, vs } = await running(4);
    const other = await running(1);
    const shown = await ctx
      .http()
      .get(`/api/admin/activities/${id}/qr`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(shown.body).toMatchObject({ slotSeconds: 30, token: expect.stringMatching(new RegExp(`^${id}\\.`)) });
    await ctx
      .http()
      .get(`/api/admin/activities/${id}/qr`)
      .set(...bearer((await ctx.loginStaff('yushan_station')).accessToken))
      .expect(404);
    await checkIn(vs[0], id, { method: 'qr', token: shown.body.token }).expect(200);
    const qr = new CheckinQr(config.qrSecret, config.qrSlotSeconds);
    const previousSlot = qr.mint(id, new Date(testNowMs() - 30_000)).token;
    await checkIn(vs[1], id, { method: 'qr', token: previousSlot }).expect(200);
    const captured = qr.mint(id, new Date(testNowMs() - 61_000)).token;
    expect((await checkIn(vs[2], id, { method: 'qr', token: captured }).expect(422)).body).toMatchObject({
      code: 'CHECKIN_QR_EXPIRED',
      message: expect.stringContaining('过期'),
    });
    expect(
      (
        await checkIn(vs[2], id, {
          method: 'qr',
          token: shown.body.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')),
        }).expect(422)
      ).body.code,
    ).toBe('CHECKIN_QR_INVALID');
    const otherToken = (
      await ctx
        .http()
        .get(`/api/admin/activities/${other.id}/qr`)
        .set(...bearer(pinghu))
        .expect(200)
    ).body.token;
    expect((await checkIn(vs[3], id, { method: 'qr', token: otherToken }).expect(422)).body.code).toBe(
      'CHECKIN_QR_WRONG_ACTIVITY',
    );
  });

  it('check-out counts only the overlap with the activity window', async () => {
    const { id, vs } = await running(1, -30, 120);
    await checkIn(vs[0], id, { method: 'location', ...north(0), accuracy: 5 }).expect(200);
    // pretend the volunteer arrived 20 minutes before the start
    await ctx.dataSource.getRepository(ActivitySignup).update({ activityId: id }, { checkinAt: minutesFromNow(-50) });
    const out = await ctx
      .http()
      .post(`/api/activities/${id}/checkout`)
      .set(...bearer(vs[0].token))
      .send({})
      .expect(200);
    expect(out.body.checkedMinutes).toBeGreaterThanOrEqual(29);
    expect(out.body.checkedMinutes).toBeLessThanOrEqual(30);
    expect(out.body.autoCheckedOut).toBe(false);
    const [late] = await createVolunteers(ctx, 1);
    expect(
      (
        await ctx
          .http()
          .post(`/api/activities/${id}/checkout`)
          .set(...bearer(late.token))
          .send({})
          .expect(422)
      ).body.code,
    ).toBe('CHECKIN_NOT_CONFIRMED');
  });

  it('no check-out: the job checks out at the end once end + grace has passed, flags it, and a rerun changes nothing', async () => {
    const { id, vs } = await running(2, -10, 60);
    await checkIn(vs[0], id, { method: 'location', ...north(0), accuracy: 5 }).expect(200);
    await ctx.dataSource
      .getRepository(ActivitySignup)
      .update({ activityId: id, userId: vs[0].userId }, { checkinAt: minutesFromNow(-200) });
    await shiftActivity(ctx, id, minutesFromNow(-190), minutesFromNow(-130));
    const jobs = ctx.app.get(ActivityJobsService);
    const first = await jobs.runAll();
    expect(first.autoCheckedOut).toBeGreaterThanOrEqual(1);
    const row = await ctx.dataSource
      .getRepository(ActivitySignup)
      .findOneByOrFail({ activityId: id, userId: vs[0].userId });
    expect(row).toMatchObject({ autoCheckedOut: true, checkedMinutes: 60 });
    const again = await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ id: row.id });
    await jobs.runAll();
    expect((await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ id: row.id })).updatedAt).toEqual(
      again.updatedAt,
    );
    const list = await ctx
      .http()
      .get(`/api/admin/activities/${id}/signups`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(list.body.items.find((s: { id: number }) => s.id === row.id)).toMatchObject({
      flagged: true,
      autoCheckedOut: true,
    });
    const detail = await ctx
      .http()
      .get(`/api/admin/activities/${id}`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(detail.body.status).toBe('finished');
  });
});
