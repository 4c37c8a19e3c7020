import type { ActivityResponse, SignupAdminResponse } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import {
  PINGHU,
  activityInput,
  createVolunteers,
  minutesFromNow,
  publishActivity,
  shiftActivity,
  type TestVolunteer,
} from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';

/** Proposals only to one's own station with a cap on open ones; no check-out before the start; attendance of a row never checked out. */
describe('Activities hardening (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  beforeAll(async () => {
    ctx = await createTestApp(); // ACTIVITY_PROPOSAL_OPEN_LIMIT defaults to 3
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
  });
  afterAll(() => ctx.close());

  const propose = (token: string, over: Record<string, unknown> = {}) =>
    ctx
      .http()
      .post('/api/activity-proposals')
      .set(...bearer(token))
      .send(activityInput({ title: '社区联防提议', ...over }));

  describe('proposals', () => {
    it('a volunteer or a company manager proposes only to their own station: another station is refused and not revealed', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const other = await ctx.org('MAS-YS-YS');
      const own = await ctx.org('MAS-YS-PH');
      const refused = await propose(v.token, { orgUnitId: other.id }).expect(403);
      expect(refused.body.code).toBe('PROPOSAL_STATION_NOT_ALLOWED');
      // an id that does not exist gets the same answer: nothing is looked up outside one's own station
      expect((await propose(v.token, { orgUnitId: 999_999 }).expect(403)).body.code).toBe(
        'PROPOSAL_STATION_NOT_ALLOWED',
      );
      expect((await propose(v.token, { orgUnitId: own.id }).expect(201)).body).toMatchObject({
        orgUnit: { name: '平湖派出所' },
        proposal: { status: 'pending' },
      });
      const company = (await ctx.loginStaff('company')).accessToken;
      expect((await propose(company, { orgUnitId: other.id }).expect(403)).body.code).toBe(
        'PROPOSAL_STATION_NOT_ALLOWED',
      );
      await propose(company).expect(201);
      const queue = await ctx
        .http()
        .get('/api/admin/activities?proposal=pending&pageSize=100')
        .set(...bearer((await ctx.loginStaff('yushan_station')).accessToken))
        .expect(200);
      expect(queue.body.items.filter((a: ActivityResponse) => a.title === '社区联防提议')).toEqual([]);
    });

    it('at most 3 open proposals per person, even when six are filed at once; a decided one frees a place', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => propose(v.token, { title: `连发提议${i}` })));
      expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      expect(burst.filter((r) => r.status === 409).every((r) => r.body.code === 'PROPOSAL_LIMIT_REACHED')).toBe(true);
      const mine = await ctx
        .http()
        .get('/api/me/activity-proposals')
        .set(...bearer(v.token))
        .expect(200);
      expect(mine.body.total).toBe(3);
      expect((await propose(v.token).expect(409)).body).toMatchObject({
        code: 'PROPOSAL_LIMIT_REACHED',
        details: { limit: 3 },
      });
      const first = burst.find((r) => r.status === 201)!.body as ActivityResponse;
      await ctx
        .http()
        .post(`/api/admin/activities/${first.id}/reject-proposal`)
        .set(...bearer(pinghu))
        .send({ reason: '与已有活动重复' })
        .expect(200);
      await propose(v.token, { title: '驳回后再提' }).expect(201);
      const second = burst.filter((r) => r.status === 201)[1].body as ActivityResponse;
      await ctx
        .http()
        .post(`/api/admin/activities/${second.id}/approve-proposal`)
        .set(...bearer(pinghu))
        .expect(200);
      await propose(v.token, { title: '通过后再提' }).expect(201);
      await propose(v.token).expect(409);
    });

    it('proposals already waiting from before the cap count against it', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const first = (await propose(v.token, { title: '旧提议' }).expect(201)).body as ActivityResponse;
      await propose(v.token, { title: '旧提议' }).expect(201);
      await ctx.dataSource.getRepository(Activity).update({ proposedByUserId: v.userId }, { proposalSlot: null });
      await propose(v.token).expect(201);
      expect((await propose(v.token).expect(409)).body.code).toBe('PROPOSAL_LIMIT_REACHED');
      await ctx
        .http()
        .post(`/api/admin/activities/${first.id}/reject-proposal`)
        .set(...bearer(pinghu))
        .send({ reason: '重复' })
        .expect(200);
      await propose(v.token).expect(201);
    });
  });

  describe('service time', () => {
    async function running(
      n: number,
      startIn: number,
      lengthMin: number,
    ): Promise<{ id: number; vs: TestVolunteer[] }> {
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
    const checkIn = (v: TestVolunteer, id: number) =>
      ctx
        .http()
        .post(`/api/activities/${id}/checkin`)
        .set(...bearer(v.token))
        .send({ method: 'location', ...PINGHU, accuracy: 5 });
    const checkOut = (v: TestVolunteer, id: number) =>
      ctx
        .http()
        .post(`/api/activities/${id}/checkout`)
        .set(...bearer(v.token))
        .send({});

    it('no check-out before the activity starts (checked in during the 30 minutes before)', async () => {
      const { id, vs } = await running(1, 20, 60);
      await checkIn(vs[0], id).expect(200);
      const early = await checkOut(vs[0], id).expect(422);
      expect(early.body).toMatchObject({
        code: 'CHECKOUT_BEFORE_START',
        message: '活动还没开始，不能签退',
        details: { startAt: expect.any(String) },
      });
      const row = await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ activityId: id });
      expect(row).toMatchObject({ checkoutAt: null, checkedMinutes: null });
      await shiftActivity(ctx, id, minutesFromNow(-30), minutesFromNow(30));
      await ctx.dataSource.getRepository(ActivitySignup).update({ activityId: id }, { checkinAt: minutesFromNow(-35) });
      const out = await checkOut(vs[0], id).expect(200);
      expect(out.body.checkedMinutes).toBeGreaterThanOrEqual(29);
    });

    it('attendance of a row checked in but never out: flagged with the overlap to the end proposed, and never locked at 0 minutes', async () => {
      const { id, vs } = await running(3, -10, 60);
      for (const v of vs) await checkIn(v, id).expect(200);
      // checked in 10 minutes after the start; the activity ended 10 minutes ago (before the automatic check-out)
      const at = (m: number) => new Date(base + m * 60_000);
      const base = testNowMs();
      await shiftActivity(ctx, id, at(-80), at(-10));
      await ctx.dataSource.getRepository(ActivitySignup).update({ activityId: id }, { checkinAt: at(-70) });
      const list = await ctx
        .http()
        .get(`/api/admin/activities/${id}/signups`)
        .set(...bearer(pinghu))
        .expect(200);
      const rows = list.body.items as SignupAdminResponse[];
      expect(rows.map((r) => [r.notCheckedOut, r.flagged, r.proposedMinutes])).toEqual([
        [true, true, 60],
        [true, true, 60],
        [true, true, 60],
      ]);
      const [a, b, c] = rows;
      const refused = await ctx
        .http()
        .post(`/api/admin/activities/${id}/attendance`)
        .set(...bearer(pinghu))
        .send({ items: [{ signupId: a.id, present: true }] })
        .expect(400);
      expect(refused.body).toMatchObject({
        code: 'ATTENDANCE_NOT_CHECKED_OUT',
        details: { signupId: a.id, proposedMinutes: 60 },
      });
      expect((await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ id: a.id })).attendance).toBe(
        'unconfirmed',
      );
      const res = await ctx
        .http()
        .post(`/api/admin/activities/${id}/attendance`)
        .set(...bearer(pinghu))
        .send({
          items: [
            { signupId: a.id, present: true, checkoutAtEnd: true },
            { signupId: b.id, present: true, manualMinutes: 45, manualNote: '中途离开，按实际到岗补录' },
            { signupId: c.id, present: false },
          ],
        })
        .expect(200);
      expect(res.body.confirmed).toEqual([
        { signupId: a.id, minutes: 60, points: expect.any(Number) },
        { signupId: b.id, minutes: 45, points: expect.any(Number) },
      ]);
      const after = (
        await ctx
          .http()
          .get(`/api/admin/activities/${id}/signups`)
          .set(...bearer(pinghu))
          .expect(200)
      ).body.items as SignupAdminResponse[];
      expect(after.find((r) => r.id === a.id)).toMatchObject({
        confirmedMinutes: 60,
        checkedMinutes: 60,
        manualMinutes: 0,
        autoCheckedOut: true,
        flagged: true,
        notCheckedOut: false,
      });
      expect(after.find((r) => r.id === b.id)).toMatchObject({
        confirmedMinutes: 45,
        manualMinutes: 45,
        manualNote: '中途离开，按实际到岗补录',
        flagged: true,
      });
    });

    it('a 0-minute row is flagged in the staff list', async () => {
      const { id, vs } = await running(1, -10, 60);
      await checkIn(vs[0], id).expect(200);
      await ctx.dataSource
        .getRepository(ActivitySignup)
        .update({ activityId: id }, { checkoutAt: minutesFromNow(-5), checkedMinutes: 0 });
      const list = await ctx
        .http()
        .get(`/api/admin/activities/${id}/signups`)
        .set(...bearer(pinghu))
        .expect(200);
      expect(list.body.items[0]).toMatchObject({
        zeroMinutes: true,
        flagged: true,
        notCheckedOut: false,
        proposedMinutes: null,
      });
    });
  });
});
