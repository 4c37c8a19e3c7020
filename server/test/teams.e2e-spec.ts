import type { TeamResponse } from '@jianghuai/shared';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { activityInput, createVolunteers, publishActivity, type TestVolunteer } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';

/** Teams (docs/product.md#teams): station officers manage their teams in scope; active = leader, 3 members, a settled activity in 30 days. */
describe('Teams (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let yushan: string;
  let branch: string;
  let vols: TestVolunteer[];
  let community: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
    branch = (await ctx.loginStaff('yushan_branch')).accessToken;
    vols = await createVolunteers(ctx, 4);
    community = (await ctx.org('MAS-YS-PH-C1')).id;
  });
  afterAll(() => ctx.close());

  const body = (over: object = {}) => ({
    name: '平湖巡逻一组',
    kind: 'area_patrol',
    communityId: community,
    leaderVolunteerId: vols[0].volunteerId,
    memberVolunteerIds: vols.slice(1, 4).map((v) => v.volunteerId),
    duties: '夜间沿湖巡逻',
    rules: '每周至少两次',
    ...over,
  });
  const create = async (token: string, over: object = {}) =>
    ctx
      .http()
      .post('/api/admin/teams')
      .set(...bearer(token))
      .send(body(over));
  const withoutActive = async (token: string) =>
    (
      await ctx
        .http()
        .get('/api/admin/teams/stations-without-active-team')
        .set(...bearer(token))
        .expect(200)
    ).body as { id: number; name: string }[];

  it('creates a team with its leader and members, audited, and keeps it in scope (404 elsewhere)', async () => {
    const res = await create(pinghu);
    expect(res.status).toBe(201);
    const team = res.body as TeamResponse;
    expect(team).toMatchObject({
      name: '平湖巡逻一组',
      kindLabel: '区域巡逻组',
      station: { name: '平湖派出所' },
      community: { id: community },
      leader: { volunteerId: vols[0].volunteerId },
      memberCount: 3,
      active: false,
      inactiveReasons: ['no_recent_activity'],
    });
    const audit = await ctx.dataSource
      .getRepository(AuditLog)
      .findOneBy({ action: 'team.create', targetId: String(team.id) });
    expect(audit).not.toBeNull();
    await ctx
      .http()
      .get(`/api/admin/teams/${team.id}`)
      .set(...bearer(yushan))
      .expect(404);
    await ctx
      .http()
      .put(`/api/admin/teams/${team.id}`)
      .set(...bearer(yushan))
      .send(body())
      .expect(404);
    const list = await ctx
      .http()
      .get('/api/admin/teams')
      .set(...bearer(yushan))
      .expect(200);
    expect(list.body.items.some((t: TeamResponse) => t.id === team.id)).toBe(false);
    const branchView = await ctx
      .http()
      .get(`/api/admin/teams/${team.id}`)
      .set(...bearer(branch))
      .expect(200);
    expect(branchView.body.id).toBe(team.id);
    const badId = await ctx
      .http()
      .put('/api/admin/teams/abc')
      .set(...bearer(pinghu))
      .send(body());
    expect([badId.status, badId.body.code, badId.body.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      [{ field: 'id', message: '应为整数' }],
    ]);
  });

  it("refuses members from another station, inactive volunteers, another station's community and no area", async () => {
    const [other] = await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-YS' });
    const [suspended] = await createVolunteers(ctx, 1, { status: 'suspended' });
    for (const id of [other.volunteerId, suspended.volunteerId]) {
      const res = await create(pinghu, { memberVolunteerIds: [vols[1].volunteerId, id] });
      expect([res.status, res.body.code]).toEqual([422, 'TEAM_MEMBER_NOT_ELIGIBLE']);
    }
    const leader = await create(pinghu, { leaderVolunteerId: other.volunteerId });
    expect(leader.body.code).toBe('TEAM_MEMBER_NOT_ELIGIBLE');
    const area = await create(pinghu, { communityId: (await ctx.org('MAS-YS-YS-C1')).id });
    expect([area.status, area.body.code]).toEqual([400, 'TEAM_AREA_INVALID']);
    const none = await create(pinghu, { communityId: null, areaText: '  ' });
    expect(none.body.code).toBe('TEAM_AREA_INVALID');
    const grid = await create(pinghu, { communityId: null, areaText: '湖东路以东网格' });
    expect(grid.status).toBe(201);
    expect(grid.body).toMatchObject({ community: null, areaText: '湖东路以东网格' });
    const yushanStation = (await ctx.org('MAS-YS-YS')).id;
    expect((await create(pinghu, { stationId: yushanStation })).status).toBe(404);
  });

  it('is active only with a leader, 3 members and a settled team activity in the last 30 days', async () => {
    const team = (await create(pinghu, { name: '平湖巡查组', kind: 'safety_inspection' })).body as TeamResponse;
    const pinghuStation = (await ctx.org('MAS-YS-PH')).id;
    expect((await withoutActive(pinghu)).map((s) => s.id)).toContain(pinghuStation);

    const a = await publishActivity(ctx, pinghu);
    const ended = new Date(testNowMs() - 29 * 86_400_000);
    await ctx.dataSource
      .getRepository(Activity)
      .update({ id: a.id }, { teamId: team.id, status: 'settled', endAt: ended });
    const active = await ctx
      .http()
      .get(`/api/admin/teams/${team.id}`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(active.body).toMatchObject({ active: true, inactiveReasons: [], recentSettledActivities: 1 });
    expect((await withoutActive(pinghu)).map((s) => s.id)).not.toContain(pinghuStation);
    expect((await withoutActive(branch)).map((s) => s.id)).toEqual(
      expect.arrayContaining([(await ctx.org('MAS-YS-YS')).id, (await ctx.org('MAS-YS-AM')).id]),
    );
    expect((await withoutActive(yushan)).map((s) => s.id)).toEqual([(await ctx.org('MAS-YS-YS')).id]);

    const edited = await ctx
      .http()
      .put(`/api/admin/teams/${team.id}`)
      .set(...bearer(pinghu))
      .send(body({ name: '平湖巡查组', leaderVolunteerId: null, memberVolunteerIds: [vols[1].volunteerId] }))
      .expect(200);
    expect(edited.body).toMatchObject({ active: false, inactiveReasons: ['no_leader', 'too_few_members'] });
    const audit = await ctx.dataSource
      .getRepository(AuditLog)
      .findOneBy({ action: 'team.update', targetId: String(team.id) });
    expect(audit).not.toBeNull();
    expect((await withoutActive(pinghu)).map((s) => s.id)).toContain(pinghuStation);

    await ctx
      .http()
      .put(`/api/admin/teams/${team.id}`)
      .set(...bearer(pinghu))
      .send(body({ name: '平湖巡查组' }))
      .expect(200);
    await ctx.dataSource
      .getRepository(Activity)
      .update({ id: a.id }, { endAt: new Date(testNowMs() - 32 * 86_400_000) });
    const old = await ctx
      .http()
      .get(`/api/admin/teams/${team.id}`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(old.body).toMatchObject({ active: false, inactiveReasons: ['no_recent_activity'] });
  });
  it("limits a team activity to the team: others are refused at sign-up, and only the team's leader shows its code", async () => {
    const team = (await create(pinghu, { name: '平湖签到组' })).body as TeamResponse;
    const [outsider] = await createVolunteers(ctx, 1);
    const other = await create(yushan, {
      stationId: undefined,
      communityId: null,
      areaText: '雨山网格',
      leaderVolunteerId: null,
      memberVolunteerIds: [],
    });
    expect(other.status).toBe(201);
    const wrong = await ctx
      .http()
      .post('/api/admin/activities')
      .set(...bearer(pinghu))
      .send(activityInput({ teamId: other.body.id }));
    expect([wrong.status, wrong.body.code]).toEqual([400, 'ACTIVITY_TEAM_INVALID']);

    const a = await publishActivity(ctx, pinghu, { teamId: team.id });
    expect(a.teamId).toBe(team.id);
    const signUp = (token: string) =>
      ctx
        .http()
        .post(`/api/activities/${a.id}/signup`)
        .set(...bearer(token));
    const listed = async (token: string) =>
      (
        await ctx
          .http()
          .get('/api/activities?pageSize=100')
          .set(...bearer(token))
          .expect(200)
      ).body.items.map((x: { id: number }) => x.id);
    expect(await listed(outsider.token)).not.toContain(a.id);
    expect(await listed(vols[1].token)).toContain(a.id);
    const refused = await signUp(outsider.token);
    expect([refused.status, refused.body.code]).toEqual([422, 'ACTIVITY_TEAM_ONLY']);
    expect((await signUp(vols[1].token)).status).toBe(201);
    expect((await signUp(vols[0].token)).status).toBe(201);

    const qr = (token: string, id = a.id) =>
      ctx
        .http()
        .get(`/api/activities/${id}/team-qr`)
        .set(...bearer(token));
    const shown = await qr(vols[0].token).expect(200);
    expect(shown.body).toMatchObject({ slotSeconds: 30, token: expect.stringMatching(new RegExp(`^${a.id}\\.`)) });
    await qr(vols[1].token).expect(404);
    const mine = await ctx
      .http()
      .get('/api/me/teams')
      .set(...bearer(vols[1].token))
      .expect(200);
    expect(mine.body).toContainEqual(
      expect.objectContaining({ id: team.id, name: '平湖签到组', kindLabel: '区域巡逻组', isLeader: false }),
    );
    const led = await ctx
      .http()
      .get('/api/me/teams')
      .set(...bearer(vols[0].token))
      .expect(200);
    expect(led.body.find((t: { id: number }) => t.id === team.id)).toMatchObject({ isLeader: true });
    await qr(outsider.token).expect(404);
    const open = await publishActivity(ctx, pinghu);
    await qr(vols[0].token, open.id).expect(404);
  });

  it('is changed after creation (name, area, leader, members); someone no longer eligible is named until taken off', async () => {
    const [a, b, c, d, e] = await createVolunteers(ctx, 5);
    const update = (id: number, over: object) =>
      ctx
        .http()
        .put(`/api/admin/teams/${id}`)
        .set(...bearer(pinghu))
        .send(body(over));
    const myTeams = async (token: string) =>
      (
        await ctx
          .http()
          .get('/api/me/teams')
          .set(...bearer(token))
          .expect(200)
      ).body as { id: number; name: string; isLeader: boolean; leaderName: string | null }[];
    const team = (
      await create(pinghu, {
        name: '平湖夜巡组',
        leaderVolunteerId: a.volunteerId,
        memberVolunteerIds: [b, c, d].map((v) => v.volunteerId),
      })
    ).body as TeamResponse;

    // 王 (c) is suspended after the team was made: keeping him is refused, and the refusal names him
    await ctx.dataSource
      .getRepository(Volunteer)
      .update({ id: c.volunteerId }, { name: '王建军', status: 'suspended' });
    const kept = await update(team.id, {
      name: '平湖湖东夜巡组',
      memberVolunteerIds: [b, c, d].map((v) => v.volunteerId),
    });
    expect([kept.status, kept.body.code]).toEqual([422, 'TEAM_MEMBER_NOT_ELIGIBLE']);
    expect(kept.body.message).toContain('王建军');
    expect(kept.body.details).toEqual([{ volunteerId: c.volunteerId, name: '王建军' }]);

    const changed = await update(team.id, {
      name: '平湖湖东夜巡组',
      communityId: null,
      areaText: '湖东南路以东网格',
      duties: '夜间沿湖巡逻，周末协助公园安保',
      leaderVolunteerId: b.volunteerId,
      memberVolunteerIds: [a, d, e].map((v) => v.volunteerId),
    }).expect(200);
    expect(changed.body).toMatchObject({
      name: '平湖湖东夜巡组',
      community: null,
      areaText: '湖东南路以东网格',
      duties: '夜间沿湖巡逻，周末协助公园安保',
      leader: { volunteerId: b.volunteerId },
      memberCount: 3,
    });
    expect((changed.body as TeamResponse).members.map((m) => m.volunteerId).sort((x, y) => x - y)).toEqual(
      [a, d, e].map((v) => v.volunteerId).sort((x, y) => x - y),
    );
    const audit = await ctx.dataSource
      .getRepository(AuditLog)
      .findOneBy({ action: 'team.update', targetId: String(team.id) });
    expect(audit?.before).toMatchObject({ leaderVolunteerId: a.volunteerId });
    expect(audit?.after).toMatchObject({ name: '平湖湖东夜巡组', leaderVolunteerId: b.volunteerId });

    // the member card follows: the new member and the new leader see it, the removed member no longer does
    expect(await myTeams(e.token)).toContainEqual(
      expect.objectContaining({ id: team.id, name: '平湖湖东夜巡组', isLeader: false }),
    );
    expect((await myTeams(b.token)).find((t) => t.id === team.id)).toMatchObject({ isLeader: true });
    expect((await myTeams(c.token)).some((t) => t.id === team.id)).toBe(false);
  });
});
