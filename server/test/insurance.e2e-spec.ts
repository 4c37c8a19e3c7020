import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { createVolunteers, publishActivity } from './support/activity-factories.js';
import { testNow, testNowMs } from './support/test-clock.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { Team } from '../src/modules/teams/team.entity.js';
import { TeamMember } from '../src/modules/teams/team-member.entity.js';

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

  describe('choosing volunteers to enrol', () => {
    let pid: number;
    let tag: string;
    let chen: number, liu: number, wang: number, elsewhere: number;
    const candidates = (query: Record<string, string | number>, token = pinghu) =>
      ctx
        .http()
        .get(`/api/admin/insurance-policies/${pid}/candidates`)
        .query({ pageSize: 100, ...query })
        .set(...bearer(token));
    const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

    beforeAll(async () => {
      const created = await ctx
        .http()
        .post('/api/admin/insurance-policies')
        .set(...bearer(pinghu))
        .send(policy('GL-030'))
        .expect(201);
      pid = created.body.id;
      tag = `候选${String(testNowMs() % 100000)}`;
      const vs = await createVolunteers(ctx, 3, { tier: 'core' });
      const [other] = await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-YS' });
      [chen, liu, wang, elsewhere] = [...vs.map((v) => v.volunteerId), other.volunteerId];
      const pii = ctx.app.get(PiiCipher);
      const rows = ctx.dataSource.getRepository(Volunteer);
      await rows.update({ id: chen }, { name: `${tag}陈`, phoneEnc: pii.encrypt('13900004321') });
      await rows.update({ id: liu }, { name: `${tag}刘`, phoneEnc: pii.encrypt('13900001234') });
      await rows.update({ id: wang }, { name: `${tag}王`, tier: 'basic' });
      await rows.update({ id: elsewhere }, { name: `${tag}外` });
      const station = await ctx.org('MAS-YS-PH');
      const team = await ctx.dataSource.getRepository(Team).save({
        name: `${tag}巡逻队`,
        kind: 'area_patrol',
        stationId: station.id,
        stationPath: station.path,
        communityId: null,
        areaText: null,
        leaderVolunteerId: liu,
        duties: null,
        rules: null,
        createdAt: testNow(),
        updatedAt: testNow(),
      });
      await ctx.dataSource
        .getRepository(TeamMember)
        .insert({ teamId: team.id, volunteerId: wang, joinedAt: testNow() });
      teamId = team.id;
    });
    let teamId: number;

    it('lists active volunteers in scope by name, phone tail, tier, station and team; the phone is masked', async () => {
      const all = (await candidates({ q: tag }).expect(200)).body;
      expect(names(all)).toEqual([`${tag}刘`, `${tag}王`, `${tag}陈`]);
      expect(all.items.find((i: { id: number }) => i.id === chen)).toMatchObject({
        memberNo: expect.any(String),
        tier: 'core',
        station: { name: '平湖派出所' },
        phoneMasked: '139****4321',
        inPolicy: false,
        coveredUntil: null,
      });
      expect(names((await candidates({ q: '4321' }).expect(200)).body)).toContain(`${tag}陈`);
      expect(names((await candidates({ q: '4321' }).expect(200)).body)).not.toContain(`${tag}刘`);
      expect(names((await candidates({ q: tag, tier: 'basic' }).expect(200)).body)).toEqual([`${tag}王`]);
      expect(names((await candidates({ q: tag, teamId }).expect(200)).body)).toEqual([`${tag}刘`, `${tag}王`]);
      const station = await ctx.org('MAS-YS-PH');
      expect((await candidates({ q: tag, stationId: station.id }).expect(200)).body.total).toBe(3);
      const paged = (await candidates({ q: tag, pageSize: 2, page: 2 }).expect(200)).body;
      expect([paged.total, paged.items.length]).toEqual([3, 1]);
      const filters = (
        await ctx
          .http()
          .get(`/api/admin/insurance-policies/${pid}/candidate-filters`)
          .set(...bearer(pinghu))
          .expect(200)
      ).body;
      expect(filters.stations).toEqual([{ id: station.id, name: '平湖派出所' }]);
      expect(filters.teams).toContainEqual({ id: teamId, name: `${tag}巡逻队`, stationId: station.id });
    });

    it("keeps to the viewer's scope: another station, its team and another branch's policy are 404", async () => {
      const other = await ctx.org('MAS-YS-YS');
      expect((await candidates({ stationId: other.id }).expect(404)).body.code).toBe('NOT_FOUND');
      await candidates({ q: tag }, yushan).expect(404);
      const own = await ctx
        .http()
        .post('/api/admin/insurance-policies')
        .set(...bearer(yushan))
        .send(policy('GL-031'))
        .expect(201);
      const theirs = await ctx
        .http()
        .get(`/api/admin/insurance-policies/${own.body.id}/candidates`)
        .query({ q: tag, teamId })
        .set(...bearer(yushan))
        .expect(404);
      expect(theirs.body.code).toBe('NOT_FOUND');
      const list = await ctx
        .http()
        .get(`/api/admin/insurance-policies/${own.body.id}/candidates`)
        .query({ q: tag })
        .set(...bearer(yushan))
        .expect(200);
      expect(names(list.body)).toEqual([`${tag}外`]);
      expect((await candidates({ uninsured: 'maybe' }).expect(400)).body.code).toBeDefined();
      const refused = await ctx
        .http()
        .post(`/api/admin/insurance-policies/${pid}/enrolments`)
        .set(...bearer(pinghu))
        .send({ volunteerIds: [chen, elsewhere] })
        .expect(404);
      expect(refused.body.code).toBe('NOT_FOUND');
      expect((await candidates({ q: tag, uninsured: 'policy' }).expect(200)).body.total).toBe(3);
    });

    it('enrolling the same volunteers twice at once makes one enrolment each; 只看未投保 then hides them', async () => {
      const send = () =>
        ctx
          .http()
          .post(`/api/admin/insurance-policies/${pid}/enrolments`)
          .set(...bearer(pinghu))
          .send({ volunteerIds: [liu, chen] });
      const results = await Promise.all([send(), send(), send()]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.map((r) => r.body.enrolled).sort()).toEqual([0, 0, 2]);
      for (const r of results) expect(r.body.enrolled + r.body.alreadyInsured).toBe(2);
      expect(results.map((r) => r.body.insuredCount)).toEqual([2, 2, 2]);
      const left = (await candidates({ q: tag, uninsured: 'policy' }).expect(200)).body;
      expect(names(left)).toEqual([`${tag}王`]);
      expect(names((await candidates({ q: tag, uninsured: 'any' }).expect(200)).body)).toEqual([`${tag}王`]);
      const shown = (await candidates({ q: tag }).expect(200)).body.items.find((i: { id: number }) => i.id === chen);
      expect(shown).toMatchObject({
        inPolicy: true,
        coveredUntil: new Date('2099-12-31T23:59:59+08:00').toISOString(),
      });
    });
  });
});
