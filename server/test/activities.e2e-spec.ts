import type { ActivityResponse, MySignupResponse } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { activityInput, createVolunteers, publishActivity, type TestVolunteer } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';

/** docs/product.md#activities: lifecycle, scope, sign-up with capacity and waitlist, eligibility, proposals. */
describe('Activities (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let yushan: string;
  let branch: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
    branch = (await ctx.loginStaff('yushan_branch')).accessToken;
  });
  afterAll(() => ctx.close());

  const signUp = (v: TestVolunteer, id: number) =>
    ctx
      .http()
      .post(`/api/activities/${id}/signup`)
      .set(...bearer(v.token));

  describe('lifecycle and scope', () => {
    it('a station officer creates a draft, publishes it, and volunteers then see it', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const draft = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send(activityInput({ title: '草稿巡逻' }))
        .expect(201);
      expect(draft.body).toMatchObject({
        status: 'draft',
        orgUnit: { name: '平湖派出所' },
        riskLevel: 'normal',
        pointsFactorPct: 100,
        placesLeft: 10,
      });
      await ctx
        .http()
        .get(`/api/activities/${draft.body.id}`)
        .set(...bearer(v.token))
        .expect(404);
      await signUp(v, draft.body.id).expect(404);
      const pub = await ctx
        .http()
        .post(`/api/admin/activities/${draft.body.id}/publish`)
        .set(...bearer(pinghu))
        .expect(200);
      expect(pub.body.status).toBe('published');
      const list = await ctx
        .http()
        .get('/api/activities?pageSize=100')
        .set(...bearer(v.token))
        .expect(200);
      expect(list.body.items.map((a: ActivityResponse) => a.id)).toContain(draft.body.id);
      await ctx
        .http()
        .post(`/api/admin/activities/${draft.body.id}/publish`)
        .set(...bearer(pinghu))
        .expect(409);
    });

    it("a station officer gets 404 for another station's activity, on every route", async () => {
      const a = await publishActivity(ctx, pinghu);
      for (const [method, path] of [
        ['get', `/api/admin/activities/${a.id}`],
        ['put', `/api/admin/activities/${a.id}`],
        ['post', `/api/admin/activities/${a.id}/cancel`],
        ['get', `/api/admin/activities/${a.id}/signups`],
        ['get', `/api/admin/activities/${a.id}/qr`],
        ['post', `/api/admin/activities/${a.id}/attendance`],
      ] as const) {
        const body =
          method === 'post' && path.endsWith('cancel')
            ? { reason: '越权取消' }
            : method === 'post'
              ? { items: [{ signupId: 1, present: true }] }
              : method === 'put'
                ? { title: '改名' }
                : undefined;
        const http = ctx.http();
        const res = await http[method](path)
          .set(...bearer(yushan))
          .send(body);
        expect([path, res.status]).toEqual([path, 404]);
      }
      const list = await ctx
        .http()
        .get('/api/admin/activities?pageSize=100')
        .set(...bearer(yushan))
        .expect(200);
      expect(list.body.items.some((x: ActivityResponse) => x.id === a.id)).toBe(false);
      await ctx
        .http()
        .get(`/api/admin/activities/${a.id}`)
        .set(...bearer(branch))
        .expect(200);
      const other = await ctx.org('MAS-YS-YS');
      await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send(activityInput({ orgUnitId: other.id }))
        .expect(404);
    });

    it('refuses bad input with the field named and impossible times with a clear code', async () => {
      const bad = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send({ ...activityInput(), capacity: 0, extra: 1 })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['capacity', 'extra']),
      );
      const start = new Date(testNowMs() + 86_400_000);
      const times = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send(activityInput({ startAt: start.toISOString(), endAt: start.toISOString() }))
        .expect(400);
      expect(times.body.code).toBe('ACTIVITY_INVALID_TIME');
      await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer((await ctx.loginStaff('mall')).accessToken))
        .send(activityInput())
        .expect(403);
    });

    it('cancelling notifies every signed-up volunteer with activity_changed and closes sign-up', async () => {
      const a = await publishActivity(ctx, pinghu, { capacity: 1 });
      const vs = await createVolunteers(ctx, 2);
      await signUp(vs[0], a.id).expect(201);
      await signUp(vs[1], a.id).expect(201);
      const res = await ctx
        .http()
        .post(`/api/admin/activities/${a.id}/cancel`)
        .set(...bearer(pinghu))
        .send({ reason: '暴雨预警' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警' });
      for (const v of vs) {
        const rows = await ctx.dataSource.query('SELECT template, body FROM notifications WHERE userId = ?', [
          v.userId,
        ]);
        expect(rows).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ template: 'activity_changed', body: expect.stringContaining('暴雨预警') }),
          ]),
        );
      }
      const [late] = await createVolunteers(ctx, 1);
      expect((await signUp(late, a.id).expect(409)).body.code).toBe('ACTIVITY_NOT_OPEN');
      const audit = await ctx
        .http()
        .get('/api/admin/audit-logs?action=activity.cancel')
        .set(...bearer(pinghu))
        .expect(200);
      expect(audit.body.items.some((l: { targetId: string }) => l.targetId === String(a.id))).toBe(true);
    });

    it('war-time activities publish with ×2 points; capacity cannot drop below confirmed places', async () => {
      const a = await publishActivity(ctx, branch, {
        mode: 'wartime',
        orgUnitId: (await ctx.org('MAS-YS-PH')).id,
        capacity: 3,
      });
      expect(a.pointsFactorPct).toBe(200);
      const vs = await createVolunteers(ctx, 3);
      for (const v of vs) await signUp(v, a.id).expect(201);
      const res = await ctx
        .http()
        .put(`/api/admin/activities/${a.id}`)
        .set(...bearer(pinghu))
        .send({ capacity: 2 })
        .expect(400);
      expect(res.body.code).toBe('ACTIVITY_CAPACITY_BELOW_CONFIRMED');
    });
  });

  describe('sign-up', () => {
    it('confirms while places last, then waitlists in arrival order; a second sign-up is refused', async () => {
      const a = await publishActivity(ctx, pinghu, { capacity: 2 });
      const vs = await createVolunteers(ctx, 4);
      const results: MySignupResponse[] = [];
      for (const v of vs) results.push((await signUp(v, a.id).expect(201)).body);
      expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
        ['confirmed', null],
        ['confirmed', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      const dup = await signUp(vs[0], a.id).expect(409);
      expect(dup.body).toMatchObject({ code: 'ACTIVITY_ALREADY_SIGNED_UP', message: '您已报名该活动' });
      const detail = await ctx
        .http()
        .get(`/api/activities/${a.id}`)
        .set(...bearer(vs[3].token))
        .expect(200);
      expect(detail.body).toMatchObject({
        confirmedCount: 2,
        placesLeft: 0,
        waitlistCount: 2,
        mySignup: { status: 'waitlisted', waitlistPosition: 2 },
      });
    });

    it('a cancellation promotes the first on the waitlist and tells them (signup_result)', async () => {
      const a = await publishActivity(ctx, pinghu, { capacity: 1 });
      const [first, second, third] = await createVolunteers(ctx, 3);
      await signUp(first, a.id).expect(201);
      await signUp(second, a.id).expect(201);
      await signUp(third, a.id).expect(201);
      const cancelled = await ctx
        .http()
        .post(`/api/activities/${a.id}/signup/cancel`)
        .set(...bearer(first.token))
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const mine = await ctx
        .http()
        .get('/api/me/activities')
        .set(...bearer(second.token))
        .expect(200);
      expect(mine.body.items[0]).toMatchObject({ status: 'confirmed', activity: { id: a.id } });
      // 我的活动 by day: the activity's Shanghai day finds it, the day after does not, a malformed day is refused
      const mineOn = (query: string) =>
        ctx
          .http()
          .get(`/api/me/activities?${query}`)
          .set(...bearer(second.token));
      const day = ctx.clock.today(new Date(a.startAt));
      const onDay = await mineOn(`from=${day}&to=${day}`).expect(200);
      expect(onDay.body.items.map((m: { activity: { id: number } }) => m.activity.id)).toContain(a.id);
      const later = ctx.clock.today(new Date(Date.parse(a.endAt) + 86_400_000));
      const dayAfter = await mineOn(`from=${later}`).expect(200);
      expect(dayAfter.body.items.map((m: { activity: { id: number } }) => m.activity.id)).not.toContain(a.id);
      const malformed = await mineOn('from=12/01').expect(400);
      expect(malformed.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
      const thirdView = await ctx
        .http()
        .get(`/api/activities/${a.id}`)
        .set(...bearer(third.token))
        .expect(200);
      expect(thirdView.body.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      const msgs = await ctx
        .http()
        .get('/api/me/messages')
        .set(...bearer(second.token))
        .expect(200);
      expect(msgs.body.items[0]).toMatchObject({ template: 'signup_result', title: '候补成功' });
      expect((await ctx.dataSource.getRepository(Activity).findOneByOrFail({ id: a.id })).confirmedCount).toBe(1);
      // who cancelled may sign up again, at the back of the queue
      expect((await signUp(first, a.id).expect(201)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    });

    it('cancelling after the cancel deadline is refused', async () => {
      const start = new Date(testNowMs() + 86_400_000);
      const a = await publishActivity(ctx, pinghu, {
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 3_600_000).toISOString(),
      });
      const [v] = await createVolunteers(ctx, 1);
      await signUp(v, a.id).expect(201);
      // the deadline passes (moved into the past rather than waited for: no race with a slow machine)
      await ctx.dataSource
        .getRepository(Activity)
        .update({ id: a.id }, { cancelDeadline: new Date(testNowMs() - 1000) });
      expect(
        (
          await ctx
            .http()
            .post(`/api/activities/${a.id}/signup/cancel`)
            .set(...bearer(v.token))
            .expect(409)
        ).body.code,
      ).toBe('ACTIVITY_CANCEL_CLOSED');
    });

    it('officer-confirmed: sign-ups wait as pending and staff confirm within capacity', async () => {
      const a = await publishActivity(ctx, pinghu, { capacity: 1, signupMode: 'officer_confirmed' });
      const vs = await createVolunteers(ctx, 3);
      const ids: number[] = [];
      for (const v of vs) {
        const r = await signUp(v, a.id).expect(201);
        expect(r.body.status).toBe('pending');
        ids.push(r.body.id);
      }
      const review = await ctx
        .http()
        .post(`/api/admin/activities/${a.id}/signups/review`)
        .set(...bearer(pinghu))
        .send({ signupIds: ids.slice(0, 2), decision: 'confirm' })
        .expect(200);
      expect(review.body).toEqual({ confirmed: [ids[0]], rejected: [], full: [ids[1]], skipped: [] });
      const rej = await ctx
        .http()
        .post(`/api/admin/activities/${a.id}/signups/review`)
        .set(...bearer(pinghu))
        .send({ signupIds: [ids[2], ids[0]], decision: 'reject' })
        .expect(200);
      expect(rej.body).toEqual({ confirmed: [], rejected: [ids[2]], full: [], skipped: [ids[0]] });
      const msgs = await ctx.dataSource.query(
        "SELECT title FROM notifications WHERE userId = ? AND template = 'signup_result'",
        [vs[0].userId],
      );
      expect(msgs).toEqual([{ title: '报名成功' }]);
      await ctx
        .http()
        .post(`/api/admin/activities/${a.id}/signups/review`)
        .set(...bearer(yushan))
        .send({ signupIds: ids, decision: 'confirm' })
        .expect(404);
    });

    it('eligibility: status, skills, tier, age and schedule clash each get their own code', async () => {
      const a = await publishActivity(ctx, pinghu, {
        requirements: { skills: ['急救'], tiers: ['core', 'backbone'], minAge: 18, maxAge: 60 },
      });
      const code = async (v: TestVolunteer, id = a.id) => (await signUp(v, id).expect(422)).body.code;
      const [suspended] = await createVolunteers(ctx, 1, {
        status: 'suspended',
        tier: 'core',
        skills: [{ name: '急救' }],
      });
      expect(await code(suspended)).toBe('ACTIVITY_VOLUNTEER_INACTIVE');
      const [noSkill] = await createVolunteers(ctx, 1, { tier: 'core' });
      expect(await code(noSkill)).toBe('ACTIVITY_SKILL_REQUIRED');
      const [basic] = await createVolunteers(ctx, 1, { tier: 'basic', skills: [{ name: '急救' }] });
      expect(await code(basic)).toBe('ACTIVITY_TIER_REQUIRED');
      const [old] = await createVolunteers(ctx, 1, {
        tier: 'core',
        skills: [{ name: '急救' }],
        birthDate: '1950-01-01',
      });
      expect(await code(old)).toBe('ACTIVITY_AGE_NOT_ALLOWED');
      const [ok] = await createVolunteers(ctx, 1, { tier: 'core', skills: [{ name: '急救' }] });
      await signUp(ok, a.id).expect(201);
      const overlapping = await publishActivity(ctx, pinghu, {
        startAt: new Date(new Date(a.startAt).getTime() + 3_600_000).toISOString(),
        endAt: new Date(new Date(a.endAt).getTime() + 3_600_000).toISOString(),
      });
      const clash = await signUp(ok, overlapping.id).expect(422);
      expect(clash.body).toMatchObject({
        code: 'ACTIVITY_SCHEDULE_CLASH',
        message: '您在同一时间已报名了其他活动',
        details: { activityId: a.id },
      });
      const staffOnly = await signUp({ token: pinghu, userId: 0, volunteerId: 0 }, a.id).expect(403);
      expect(staffOnly.body.code).toBe('ACTIVITY_NOT_A_VOLUNTEER');
    });

    it('a high-risk activity needs valid insurance covering its whole period and the signed agreement', async () => {
      const a = await publishActivity(ctx, pinghu, { type: 'disaster_relief', title: '防汛抢险' });
      expect(a.riskLevel).toBe('high');
      const [v] = await createVolunteers(ctx, 1);
      expect((await signUp(v, a.id).expect(422)).body.code).toBe('ACTIVITY_INSURANCE_REQUIRED');
      const expired = await ctx
        .http()
        .post('/api/admin/insurance-policies')
        .set(...bearer(pinghu))
        .send({
          insurer: '平安保险',
          policyNo: `OLD-${a.id}`,
          validFrom: '2025-01-01T00:00:00+08:00',
          validTo: new Date(new Date(a.startAt).getTime() + 60_000).toISOString(),
        })
        .expect(201);
      await ctx
        .http()
        .post(`/api/admin/insurance-policies/${expired.body.id}/enrolments`)
        .set(...bearer(pinghu))
        .send({ volunteerIds: [v.volunteerId] })
        .expect(200);
      expect((await signUp(v, a.id).expect(422)).body.code).toBe('ACTIVITY_INSURANCE_REQUIRED');
      const valid = await ctx
        .http()
        .post('/api/admin/insurance-policies')
        .set(...bearer(pinghu))
        .send({
          insurer: '人保财险',
          policyNo: `NEW-${a.id}`,
          validFrom: '2026-01-01T00:00:00+08:00',
          validTo: '2099-12-31T23:59:59+08:00',
        })
        .expect(201);
      await ctx
        .http()
        .post(`/api/admin/insurance-policies/${valid.body.id}/enrolments`)
        .set(...bearer(pinghu))
        .send({ volunteerIds: [v.volunteerId] })
        .expect(200);
      expect((await signUp(v, a.id).expect(201)).body.status).toBe('confirmed');
      // the agreement: read from the application that made the person a volunteer; none on record → refused
      const [unsigned] = await createVolunteers(ctx, 1);
      await ctx.dataSource.query('UPDATE volunteers SET applicationId = ? WHERE id = ?', [
        987654,
        unsigned.volunteerId,
      ]);
      await ctx
        .http()
        .post(`/api/admin/insurance-policies/${valid.body.id}/enrolments`)
        .set(...bearer(pinghu))
        .send({ volunteerIds: [unsigned.volunteerId] })
        .expect(200);
      expect((await signUp(unsigned, a.id).expect(422)).body.code).toBe('ACTIVITY_AGREEMENT_REQUIRED');
    });
  });

  describe('proposals', () => {
    it('a company manager and a volunteer propose; the station approves with ×0.8 points or rejects with a reason', async () => {
      const company = (await ctx.loginStaff('company')).accessToken;
      const p1 = await ctx
        .http()
        .post('/api/activity-proposals')
        .set(...bearer(company))
        .send(activityInput({ title: '商圈联防巡逻', pointsAmount: 10 }))
        .expect(201);
      expect(p1.body).toMatchObject({
        status: 'draft',
        proposal: { status: 'pending' },
        orgUnit: { name: '平湖派出所' },
      });
      const [v] = await createVolunteers(ctx, 1);
      const p2 = await ctx
        .http()
        .post('/api/activity-proposals')
        .set(...bearer(v.token))
        .send(activityInput({ title: '反诈宣传进小区', type: 'safety_publicity' }))
        .expect(201);
      const queue = await ctx
        .http()
        .get('/api/admin/activities?proposal=pending&pageSize=100')
        .set(...bearer(pinghu))
        .expect(200);
      expect(queue.body.items.map((x: ActivityResponse) => x.id)).toEqual(
        expect.arrayContaining([p1.body.id, p2.body.id]),
      );
      await ctx
        .http()
        .post(`/api/admin/activities/${p1.body.id}/publish`)
        .set(...bearer(pinghu))
        .expect(409);
      const approved = await ctx
        .http()
        .post(`/api/admin/activities/${p1.body.id}/approve-proposal`)
        .set(...bearer(pinghu))
        .expect(200);
      expect(approved.body).toMatchObject({
        status: 'published',
        pointsFactorPct: 80,
        effectivePoints: 8,
        proposal: { status: 'approved' },
      });
      await ctx
        .http()
        .post(`/api/admin/activities/${p1.body.id}/approve-proposal`)
        .set(...bearer(pinghu))
        .expect(409);
      await ctx
        .http()
        .post(`/api/admin/activities/${p2.body.id}/reject-proposal`)
        .set(...bearer(yushan))
        .send({ reason: '时间冲突' })
        .expect(404);
      const rejected = await ctx
        .http()
        .post(`/api/admin/activities/${p2.body.id}/reject-proposal`)
        .set(...bearer(pinghu))
        .send({ reason: '时间冲突' })
        .expect(200);
      expect(rejected.body.proposal).toEqual({
        status: 'rejected',
        proposedBy: expect.any(String),
        rejectReason: '时间冲突',
      });
      const mine = await ctx
        .http()
        .get('/api/me/activity-proposals')
        .set(...bearer(v.token))
        .expect(200);
      expect(mine.body.items[0]).toMatchObject({ id: p2.body.id, proposal: { status: 'rejected' } });
      const [visitor] = await createVolunteers(ctx, 1, { status: 'revoked' });
      await ctx
        .http()
        .post('/api/activity-proposals')
        .set(...bearer(visitor.token))
        .send(activityInput())
        .expect(403);
    });
  });

  // The case the rules are built for is MySQL with a pool; the embedded database (one writer at a
  // time) must give the same answer.
  it('a rush of 500 simultaneous sign-ups for 50 places: exactly 50 confirmed, the rest waitlisted in arrival order', async () => {
    const a = await publishActivity(ctx, pinghu, { capacity: 50, title: '演唱会安保' });
    const vs = await createVolunteers(ctx, 500);
    const results = await Promise.all(vs.map((v) => signUp(v, a.id)));
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const statuses = results.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(450);
    const row = await ctx.dataSource.getRepository(Activity).findOneByOrFail({ id: a.id });
    expect(row.confirmedCount).toBe(50);
    const rows = await ctx.dataSource
      .getRepository(ActivitySignup)
      .find({ where: { activityId: a.id }, order: { id: 'ASC' } });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    const waitlisted = rows.filter((r) => r.status === 'waitlisted');
    // positions handed out match arrival order (the sign-up row's sequence), with no gaps or repeats
    const byId = new Map(results.map((r) => [r.body.id as number, r.body.waitlistPosition as number | null]));
    const positions = waitlisted.map((r) => byId.get(r.id));
    expect(new Set(positions).size).toBe(450);
    const list = await ctx
      .http()
      .get(`/api/admin/activities/${a.id}/signups?status=waitlisted&pageSize=100&page=1`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(list.body.items.map((s: { waitlistPosition: number }) => s.waitlistPosition)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(list.body.total).toBe(450);
  }, 60_000);

  it('simultaneous sign-ups never exceed capacity on the embedded database either (60 for 5)', async () => {
    const a = await publishActivity(ctx, pinghu, { capacity: 5 });
    const vs = await createVolunteers(ctx, 60);
    const results = await Promise.all(vs.map((v) => signUp(v, a.id)));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(5);
    expect((await ctx.dataSource.getRepository(Activity).findOneByOrFail({ id: a.id })).confirmedCount).toBe(5);
  });
});
