import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { createVolunteers, publishActivity } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';

/** Accident insurance (docs/product.md#insurance): policies, insured volunteers, bulk enrolment for an activity, scope. */
describe('Insurance (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let yushan: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
  });
  afterAll(() => ctx.close());

  const policy = (no: string, over: object = {}) => ({
    insurer: '中国人寿马鞍山分公司',
    policyNo: no,
    validFrom: '2026-01-01T00:00:00+08:00',
    validTo: '2099-12-31T23:59:59+08:00',
    ...over,
  });

  it('registers a policy, refuses a duplicate number and a reversed period, and keeps it in scope', async () => {
    const p = await ctx
      .http()
      .post('/api/admin/insurance-policies')
      .set(...bearer(pinghu))
      .send(policy('GL-001'))
      .expect(201);
    expect(p.body).toMatchObject({
      insurer: '中国人寿马鞍山分公司',
      policyNo: 'GL-001',
      orgUnit: { name: '平湖派出所' },
      insuredCount: 0,
    });
    expect(
      (
        await ctx
          .http()
          .post('/api/admin/insurance-policies')
          .set(...bearer(pinghu))
          .send(policy('GL-001'))
          .expect(409)
      ).body.code,
    ).toBe('INSURANCE_POLICY_NO_TAKEN');
    expect(
      (
        await ctx
          .http()
          .post('/api/admin/insurance-policies')
          .set(...bearer(pinghu))
          .send(policy('GL-002', { validTo: '2025-01-01T00:00:00+08:00' }))
          .expect(400)
      ).body.code,
    ).toBe('INSURANCE_INVALID_PERIOD');
    await ctx
      .http()
      .get(`/api/admin/insurance-policies/${p.body.id}`)
      .set(...bearer(yushan))
      .expect(404);
    const list = await ctx
      .http()
      .get('/api/admin/insurance-policies')
      .set(...bearer(yushan))
      .expect(200);
    expect(list.body.items.some((x: { id: number }) => x.id === p.body.id)).toBe(false);
  });

  it("enrols volunteers idempotently, only from the viewer's scope, and the volunteer sees the cover", async () => {
    const p = await ctx
      .http()
      .post('/api/admin/insurance-policies')
      .set(...bearer(pinghu))
      .send(policy('GL-010'))
      .expect(201);
    const vs = await createVolunteers(ctx, 3);
    const first = await ctx
      .http()
      .post(`/api/admin/insurance-policies/${p.body.id}/enrolments`)
      .set(...bearer(pinghu))
      .send({ volunteerIds: vs.map((v) => v.volunteerId) })
      .expect(200);
    expect(first.body).toEqual({ enrolled: 3, alreadyInsured: 0, insuredCount: 3 });
    const again = await ctx
      .http()
      .post(`/api/admin/insurance-policies/${p.body.id}/enrolments`)
      .set(...bearer(pinghu))
      .send({ volunteerIds: [vs[0].volunteerId] })
      .expect(200);
    expect(again.body).toEqual({ enrolled: 0, alreadyInsured: 1, insuredCount: 3 });
    const [elsewhere] = await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-YS' });
    await ctx
      .http()
      .post(`/api/admin/insurance-policies/${p.body.id}/enrolments`)
      .set(...bearer(pinghu))
      .send({ volunteerIds: [elsewhere.volunteerId] })
      .expect(404);
    const mine = await ctx
      .http()
      .get('/api/me/insurance')
      .set(...bearer(vs[0].token))
      .expect(200);
    expect(mine.body.policies).toEqual([expect.objectContaining({ policyNo: 'GL-010', activeNow: true })]);
  });

  it('bulk-enrols every confirmed sign-up of an activity, which then passes the high-risk gate', async () => {
    const p = await ctx
      .http()
      .post('/api/admin/insurance-policies')
      .set(...bearer(pinghu))
      .send(policy('GL-020'))
      .expect(201);
    const normal = await publishActivity(ctx, pinghu, { capacity: 2 });
    const vs = await createVolunteers(ctx, 3);
    for (const v of vs)
      await ctx
        .http()
        .post(`/api/activities/${normal.id}/signup`)
        .set(...bearer(v.token))
        .expect(201);
    const res = await ctx
      .http()
      .post(`/api/admin/insurance-policies/${p.body.id}/enrol-activity`)
      .set(...bearer(pinghu))
      .send({ activityId: normal.id })
      .expect(200);
    expect(res.body).toEqual({ enrolled: 2, alreadyInsured: 0, insuredCount: 2 });
    await ctx
      .http()
      .post(`/api/admin/insurance-policies/${p.body.id}/enrol-activity`)
      .set(...bearer(yushan))
      .send({ activityId: normal.id })
      .expect(404);
    const risky = await publishActivity(ctx, pinghu, {
      type: 'emergency_response',
      title: '应急处突演练',
      startAt: new Date(testNowMs() + 5 * 86_400_000).toISOString(),
      endAt: new Date(testNowMs() + 5 * 86_400_000 + 3_600_000).toISOString(),
    });
    expect(
      (
        await ctx
          .http()
          .post(`/api/activities/${risky.id}/signup`)
          .set(...bearer(vs[0].token))
          .expect(201)
      ).body.status,
    ).toBe('confirmed');
    expect(
      (
        await ctx
          .http()
          .post(`/api/activities/${risky.id}/signup`)
          .set(...bearer(vs[2].token))
          .expect(422)
      ).body.code,
    ).toBe('ACTIVITY_INSURANCE_REQUIRED');
  });
});
