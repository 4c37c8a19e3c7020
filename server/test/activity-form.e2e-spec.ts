import type { ActivityPlacesResponse, ActivityResponse, TeamResponse } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { activityInput, createVolunteers, publishActivity, type TestVolunteer } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';

/**
 * What the staff activity form sends (docs/activities.md): activities owned by a branch or the city and
 * who they reach, changing the team after creation, and the known places of the officer's scope.
 */
describe('Activity form (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let yushanBranch: string;
  let huashanBranch: string;
  let city: string;
  let ysGuard: TestVolunteer; // 平湖派出所, under 雨山分局
  let hsGuard: TestVolunteer; // 解放路派出所, under 花山分局
  let ysBranchId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushanBranch = (await ctx.loginStaff('yushan_branch')).accessToken;
    huashanBranch = (await ctx.loginStaff('huashan_branch')).accessToken;
    city = (await ctx.loginStaff('city')).accessToken;
    [ysGuard] = await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-PH' });
    [hsGuard] = await createVolunteers(ctx, 1, { stationCode: 'MAS-HS-JFL' });
    ysBranchId = (await ctx.org('MAS-YS')).id;
  });
  afterAll(() => ctx.close());

  const guardList = async (token: string) =>
    (
      await ctx
        .http()
        .get('/api/activities')
        .query({ pageSize: 100 })
        .set(...bearer(token))
        .expect(200)
    ).body.items as ActivityResponse[];

  describe('owning unit', () => {
    let branchActivity: ActivityResponse;

    it('a branch officer publishes an activity owned by the branch (by default their own unit)', async () => {
      branchActivity = await publishActivity(ctx, yushanBranch, { title: '雨山分局战时集结', mode: 'wartime' });
      expect(branchActivity.orgUnit).toMatchObject({ id: ysBranchId, name: '雨山分局' });
      expect(branchActivity.status).toBe('published');
    });

    it('a guard of a station in that branch sees it and signs up', async () => {
      expect((await guardList(ysGuard.token)).map((a) => a.id)).toContain(branchActivity.id);
      await ctx
        .http()
        .get(`/api/activities/${branchActivity.id}`)
        .set(...bearer(ysGuard.token))
        .expect(200);
      const res = await ctx
        .http()
        .post(`/api/activities/${branchActivity.id}/signup`)
        .set(...bearer(ysGuard.token));
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('confirmed');
    });

    it('a guard of another branch neither sees it nor signs up (404)', async () => {
      expect((await guardList(hsGuard.token)).map((a) => a.id)).not.toContain(branchActivity.id);
      await ctx
        .http()
        .get(`/api/activities/${branchActivity.id}`)
        .set(...bearer(hsGuard.token))
        .expect(404);
      const res = await ctx
        .http()
        .post(`/api/activities/${branchActivity.id}/signup`)
        .set(...bearer(hsGuard.token));
      expect(res.status).toBe(404);
    });

    it('station activities stay open to guards of every branch', async () => {
      const station = await publishActivity(ctx, pinghu, { title: '平湖日常巡逻（全市可报）' });
      expect((await guardList(hsGuard.token)).map((a) => a.id)).toContain(station.id);
    });

    it('a station officer cannot publish for the branch above (ACTIVITY_ORG_ABOVE_SCOPE), nor another branch (404)', async () => {
      const up = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send(activityInput({ orgUnitId: ysBranchId }));
      expect(up.status).toBe(403);
      expect(up.body.code).toBe('ACTIVITY_ORG_ABOVE_SCOPE');
      const other = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(huashanBranch))
        .send(activityInput({ orgUnitId: ysBranchId }));
      expect(other.status).toBe(404);
    });

    it('the city officer publishes for a branch below; the city-owned one reaches every branch', async () => {
      const forBranch = await publishActivity(ctx, city, { title: '市局指派雨山集结', orgUnitId: ysBranchId });
      expect(forBranch.orgUnit.id).toBe(ysBranchId);
      const cityWide = await publishActivity(ctx, city, { title: '全市应急演练' });
      expect((await guardList(hsGuard.token)).map((a) => a.id)).toContain(cityWide.id);
      expect((await guardList(hsGuard.token)).map((a) => a.id)).not.toContain(forBranch.id);
    });

    it('the weekly rule counts station-owned patrols only, not a branch patrol', async () => {
      const week = (
        await ctx
          .http()
          .get('/api/admin/activity-weekly-rule')
          .set(...bearer(yushanBranch))
          .expect(200)
      ).body as { stations: { name: string; count: number }[] };
      const before = week.stations.map((s) => s.count);
      await publishActivity(ctx, yushanBranch, {
        title: '分局巡逻',
        startAt: new Date(testNowMs() + 60_000).toISOString(),
      });
      const after = (
        await ctx
          .http()
          .get('/api/admin/activity-weekly-rule')
          .set(...bearer(yushanBranch))
          .expect(200)
      ).body as { stations: { count: number }[] };
      expect(after.stations.map((s) => s.count)).toEqual(before);
    });
  });

  it('refuses an age range upside down and a minimum above the places, on create and on edit (VALIDATION_FAILED)', async () => {
    const upside = await ctx
      .http()
      .post('/api/admin/activities')
      .set(...bearer(pinghu))
      .send(activityInput({ requirements: { minAge: 50, maxAge: 40 }, capacity: 5, minHeadcount: 6 }));
    expect(upside.status).toBe(400);
    expect(upside.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(upside.body.details)).toContain('最大年龄不能小于最小年龄');
    expect(JSON.stringify(upside.body.details)).toContain('最少人数不能多于名额');
    const a = await publishActivity(ctx, pinghu, {
      title: '要求齐全',
      requirements: { skills: ['急救'], tiers: ['core'], minAge: 20, maxAge: 60, requiresInsurance: true },
      minHeadcount: 3,
      signupDeadline: new Date(testNowMs() + 86_400_000).toISOString(),
    });
    expect(a).toMatchObject({
      requirements: { skills: ['急救'], tiers: ['core'], minAge: 20, maxAge: 60, requiresInsurance: true },
      minHeadcount: 3,
    });
    const shrink = await ctx
      .http()
      .put(`/api/admin/activities/${a.id}`)
      .set(...bearer(pinghu))
      .send({ capacity: 2 });
    expect(shrink.body.code).toBe('VALIDATION_FAILED');
    const edited = await ctx
      .http()
      .put(`/api/admin/activities/${a.id}`)
      .set(...bearer(pinghu))
      .send({ requirements: { minAge: null, skills: [] }, minHeadcount: 0 })
      .expect(200);
    expect(edited.body.requirements).toMatchObject({ minAge: null, maxAge: 60, skills: [], tiers: ['core'] });
  });

  describe('team after creation', () => {
    let teamId: number;
    let members: TestVolunteer[];
    let outsider: TestVolunteer;

    beforeAll(async () => {
      members = await createVolunteers(ctx, 4);
      [outsider] = await createVolunteers(ctx, 1);
      const team = await ctx
        .http()
        .post('/api/admin/teams')
        .set(...bearer(pinghu))
        .send({
          name: '平湖表单测试组',
          kind: 'area_patrol',
          communityId: (await ctx.org('MAS-YS-PH-C1')).id,
          leaderVolunteerId: members[0].volunteerId,
          memberVolunteerIds: members.slice(1).map((v) => v.volunteerId),
          duties: '巡逻',
          rules: '按时到岗',
        });
      expect(team.status).toBe(201);
      teamId = (team.body as TeamResponse).id;
    });

    const update = (id: number, body: object) =>
      ctx
        .http()
        .put(`/api/admin/activities/${id}`)
        .set(...bearer(pinghu))
        .send(body);

    it('a draft changes its team freely, and back to everyone', async () => {
      const draft = await ctx
        .http()
        .post('/api/admin/activities')
        .set(...bearer(pinghu))
        .send(activityInput({ title: '草稿换队伍' }))
        .expect(201);
      expect((await update(draft.body.id, { teamId })).body.teamId).toBe(teamId);
      expect((await update(draft.body.id, { teamId: null })).body.teamId).toBeNull();
    });

    it('a published one takes a team only while nobody outside it holds a sign-up (ACTIVITY_TEAM_CHANGE_LOCKED)', async () => {
      const a = await publishActivity(ctx, pinghu, { title: '发布后换队伍' });
      await ctx
        .http()
        .post(`/api/activities/${a.id}/signup`)
        .set(...bearer(members[1].token))
        .expect(201);
      // only a member signed up: the team may be set
      const ok = await update(a.id, { teamId });
      expect(ok.status).toBe(200);
      expect(ok.body.teamId).toBe(teamId);
      // opened to everyone again, an outsider signs up: the team can no longer be set
      await update(a.id, { teamId: null }).expect(200);
      await ctx
        .http()
        .post(`/api/activities/${a.id}/signup`)
        .set(...bearer(outsider.token))
        .expect(201);
      const locked = await update(a.id, { teamId });
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('ACTIVITY_TEAM_CHANGE_LOCKED');
      expect(locked.body.message).toContain('队伍');
    });

    it("refuses another station's team (ACTIVITY_TEAM_INVALID) and a bad value (VALIDATION_FAILED)", async () => {
      const a = await publishActivity(ctx, yushanBranch, { title: '分局活动不能限队' });
      const bad = await ctx
        .http()
        .put(`/api/admin/activities/${a.id}`)
        .set(...bearer(yushanBranch))
        .send({ teamId });
      expect(bad.body.code).toBe('ACTIVITY_TEAM_INVALID');
      const invalid = await update(a.id, { teamId: 'x' });
      expect(invalid.status).toBe(400);
    });
  });

  describe('known places', () => {
    const places = async (token: string, q?: string) =>
      (
        await ctx
          .http()
          .get('/api/admin/activity-places')
          .query(q ? { q } : {})
          .set(...bearer(token))
          .expect(200)
      ).body as ActivityPlacesResponse;

    it("offers the officer's stations and communities with coordinates, at most 20, searchable", async () => {
      const all = await places(pinghu);
      expect(all.items.length).toBeGreaterThan(0);
      expect(all.items.length).toBeLessThanOrEqual(20);
      expect(all.items.map((p) => p.name)).toContain('平湖派出所');
      for (const p of all.items) expect(Number.isFinite(p.lat) && Number.isFinite(p.lng)).toBe(true);
      const found = await places(pinghu, '平湖派出所');
      expect(found.items[0]).toMatchObject({ source: 'org_unit', name: '平湖派出所' });
    });

    it('offers earlier activity places in scope, never those of another branch', async () => {
      await publishActivity(ctx, pinghu, {
        title: '地点测试',
        location: { address: '平湖小区北门岗亭', lat: 31.6601, lng: 118.5042, radiusM: 300 },
      });
      const mine = await places(pinghu, '北门岗亭');
      expect(mine.items).toEqual([expect.objectContaining({ source: 'activity', address: '平湖小区北门岗亭' })]);
      expect((await places(huashanBranch, '北门岗亭')).items).toEqual([]);
      expect((await places(huashanBranch, '平湖派出所')).items).toEqual([]);
      expect((await places(yushanBranch, '北门岗亭')).items).toHaveLength(1);
    });

    it('is for officers who publish (a guard gets 403) and refuses an overlong search (400)', async () => {
      await ctx
        .http()
        .get('/api/admin/activity-places')
        .set(...bearer(ysGuard.token))
        .expect(403);
      await ctx
        .http()
        .get('/api/admin/activity-places')
        .query({ q: '很'.repeat(51) })
        .set(...bearer(pinghu))
        .expect(400);
    });
  });
});
