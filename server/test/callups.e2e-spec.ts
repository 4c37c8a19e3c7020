import type { CallupResponse } from '@jianghuai/shared';
import { OrgUnit } from '../src/modules/org/org-unit.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { createVolunteers, type TestVolunteer } from './support/activity-factories.js';
import { bearer, createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testNowMs } from './support/test-clock.js';

/**
 * Call-ups (docs/callups.md): targeting by unit, team, skills (all), tiers and radius inside the sender's scope; the
 * mode each level sends in and the war-time default and unified dispatch; idempotent sending; plans launched in one
 * step; draws from another branch decided once; scope probes on every by-id route.
 */

// 安民派出所 (雨山分局) has no demo volunteers, so the counts below are exact. 0.001° of latitude is 111.19 m.
const P = { lat: 31.6518, lng: 118.4876 };

describe(`call-ups (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let v: TestVolunteer[];
  let hs: TestVolunteer[];
  let seq = 0;
  const at = (minutes: number) => new Date(testNowMs() + minutes * 60_000).toISOString();
  const get = (token: string, url: string) =>
    ctx
      .http()
      .get(`/api${url}`)
      .set(...bearer(token));
  const post = (token: string, url: string, body: object = {}) =>
    ctx
      .http()
      .post(`/api${url}`)
      .set(...bearer(token))
      .send(body);
  const body = (target: object, over: object = {}) => ({
    requestId: `req-${process.pid}-${++seq}`,
    kind: 'ordinary',
    title: '安民片区集结',
    task: '到安民派出所门口集合，协助疏导',
    rally: { address: '安民派出所门口', ...P },
    deadlineAt: at(120),
    target,
    ...over,
  });
  const send = (token: string, target: object, over: object = {}) => post(token, '/admin/callups', body(target, over));
  const matched = async (token: string, target: object) =>
    (await post(token, '/admin/callups/preview', { target }).expect(200)).body.matched as number;
  const recipients = async (callupId: number) =>
    (
      await ctx.dataSource.query(
        'SELECT volunteerId, source FROM callup_recipients WHERE callupId = ? ORDER BY volunteerId',
        [callupId],
      )
    ).map((r: { volunteerId: number; source: string }) => ({ id: Number(r.volunteerId), source: r.source }));

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'city',
      'yushan_branch',
      'huashan_branch',
      'pinghu_station',
      'yushan_station',
      'jiefang_station',
      'pinghu_community',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    for (const code of [
      'MAS-YS',
      'MAS-HS',
      'MAS-YS-AM',
      'MAS-YS-AM-C1',
      'MAS-YS-AM-C2',
      'MAS-YS-PH',
      'MAS-YS-PH-C1',
      'MAS-HS-JFL',
    ])
      ids[code] = (await ctx.org(code)).id;
    await ctx.dataSource.getRepository(OrgUnit).update({ id: ids['MAS-YS-AM-C1'] }, P);
    await ctx.dataSource.getRepository(OrgUnit).update({ id: ids['MAS-YS-AM-C2'] }, { lat: P.lat + 0.01, lng: P.lng });
    v = [
      ...(await createVolunteers(ctx, 2, {
        stationCode: 'MAS-YS-AM',
        tier: 'core',
        skills: [{ name: '急救' }, { name: '消防' }],
      })),
      ...(await createVolunteers(ctx, 2, { stationCode: 'MAS-YS-AM', tier: 'backbone', skills: [{ name: '急救' }] })),
      ...(await createVolunteers(ctx, 2, { stationCode: 'MAS-YS-AM', tier: 'basic', skills: [] })),
    ];
    await createVolunteers(ctx, 1, { stationCode: 'MAS-YS-AM', status: 'suspended', skills: [{ name: '急救' }] });
    const repo = ctx.dataSource.getRepository(Volunteer);
    await repo.update({ id: v[0].volunteerId }, { residenceCommunityId: ids['MAS-YS-AM-C1'] }); // at the point
    await repo.update({ id: v[1].volunteerId }, { residenceCommunityId: ids['MAS-YS-AM-C2'] }); // 1111.9 m north
    hs = await createVolunteers(ctx, 3, { stationCode: 'MAS-HS-JFL', tier: 'backbone', skills: [{ name: '调解' }] });
  });
  afterAll(() => ctx.close());

  it('targets the active volunteers of a unit, with every listed skill, of the listed tiers, within the radius', async () => {
    const am = ids['MAS-YS-AM'];
    expect(await matched(t.yushan_branch, { unitId: am })).toBe(6);
    expect(await matched(t.yushan_branch, { unitId: am, skills: ['急救'] })).toBe(4);
    expect(await matched(t.yushan_branch, { unitId: am, skills: ['急救', '消防'] })).toBe(2);
    expect(await matched(t.yushan_branch, { unitId: am, tiers: ['backbone', 'basic'] })).toBe(4);
    expect(await matched(t.yushan_branch, { unitId: am, skills: ['急救'], tiers: ['backbone'] })).toBe(2);
    expect(await matched(t.yushan_branch, { unitId: am, radius: { ...P, radiusM: 1000 } })).toBe(1);
    expect(await matched(t.yushan_branch, { unitId: am, radius: { ...P, radiusM: 1200 } })).toBe(2);
    expect(await matched(t.yushan_branch, { unitId: ids['MAS-YS-AM-C2'] })).toBe(1);
    const team = await post(t.yushan_branch, '/admin/teams', {
      name: '安民调度测试组',
      kind: 'area_patrol',
      stationId: ids['MAS-YS-AM'],
      communityId: ids['MAS-YS-AM-C1'],
      leaderVolunteerId: v[4].volunteerId,
      memberVolunteerIds: [v[5].volunteerId, v[0].volunteerId],
      duties: '集结待命',
      rules: '随叫随到',
    });
    expect([team.status, team.body]).toEqual([201, expect.objectContaining({ id: expect.any(Number) })]);
    ids.team = team.body.id;
    expect(await matched(t.yushan_branch, { unitId: am, teamId: ids.team })).toBe(3);
    expect(await matched(t.yushan_branch, { unitId: am, teamId: ids.team, tiers: ['basic'] })).toBe(2);
    const res = await send(t.yushan_branch, { unitId: am, skills: ['急救'] }, { wanted: 2 }).expect(200);
    expect(res.body).toMatchObject({ wanted: 2, counts: { asked: 4, accepted: 0 }, mode: 'immediate', status: 'open' });
    expect((await recipients(res.body.id)).map((r: { id: number }) => r.id)).toEqual(
      v.slice(0, 4).map((x) => x.volunteerId),
    );
    ids.first = res.body.id;
  });

  it('refuses targets outside the sender’s scope (404), a team outside the unit, and a target without anyone', async () => {
    await post(t.pinghu_station, '/admin/callups/preview', { target: { unitId: ids['MAS-YS-AM'] } }).expect(404);
    await send(t.yushan_branch, { unitId: ids['MAS-HS-JFL'] }).expect(404);
    expect((await send(t.yushan_branch, { unitId: ids['MAS-YS-PH'], teamId: ids.team }).expect(400)).body.code).toBe(
      'CALLUP_TARGET_INVALID',
    );
    expect((await send(t.yushan_branch, { unitId: ids['MAS-YS-AM'], skills: ['无人机'] }).expect(422)).body.code).toBe(
      'CALLUP_NO_RECIPIENTS',
    );
    await send(t.yushan_branch, { unitId: ids['MAS-YS-AM'], radius: { ...P, radiusM: 50 } }).expect(400);
  });

  it('validates the deadline, the 摸排 items and the texts', async () => {
    const am = { unitId: ids['MAS-YS-AM'] };
    const code = async (over: object, status = 400) => (await send(t.yushan_branch, am, over).expect(status)).body.code;
    expect(await code({ deadlineAt: at(-1) })).toBe('CALLUP_DEADLINE_INVALID');
    expect(await code({ deadlineAt: at(7 * 24 * 60 + 5) })).toBe('CALLUP_DEADLINE_INVALID');
    expect(await code({ kind: 'verification' })).toBe('CALLUP_ITEMS_INVALID');
    expect(await code({ items: ['某单位'] })).toBe('CALLUP_ITEMS_INVALID');
    expect(await code({ title: '题'.repeat(61) })).toBe('VALIDATION_FAILED');
    expect(await code({ task: '   ' })).toBe('VALIDATION_FAILED');
    expect(await code({ rally: { address: '门口', lat: 91, lng: 0 } })).toBe('VALIDATION_FAILED');
    const res = await send(t.yushan_branch, am, { kind: 'verification', items: [' 重点人员甲 ', '重点单位乙'] });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 1, label: '重点人员甲' },
      { id: 2, label: '重点单位乙' },
    ]);
  });

  it('a repeated request returns the same call-up; another sender may not reuse its id', async () => {
    const once = body({ unitId: ids['MAS-YS-AM'] });
    const [a, b] = await Promise.all([
      post(t.yushan_branch, '/admin/callups', once),
      post(t.yushan_branch, '/admin/callups', once),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.id).toBe(b.body.id);
    expect(await recipients(a.body.id)).toHaveLength(6);
    expect((await post(t.city, '/admin/callups', once).expect(409)).body.code).toBe('CALLUP_REQUEST_REUSED');
  });

  it('each level’s mode: community daily, station immediate, branch by choice', async () => {
    const c1 = { unitId: ids['MAS-YS-PH-C1'] };
    await ctx.dataSource.getRepository(Volunteer).update({ id: v[5].volunteerId }, { residenceCommunityId: c1.unitId });
    expect((await send(t.pinghu_community, c1).expect(200)).body.mode).toBe('daily');
    expect((await send(t.pinghu_community, c1, { mode: 'immediate' }).expect(400)).body.code).toBe(
      'CALLUP_MODE_NOT_ALLOWED',
    );
    await send(t.pinghu_community, { unitId: ids['MAS-YS-PH'] }).expect(404);
    expect((await send(t.pinghu_station, { unitId: ids['MAS-YS-PH'] }).expect(200)).body.mode).toBe('immediate');
    expect((await send(t.yushan_branch, { unitId: ids['MAS-YS-AM'] }, { mode: 'wartime' }).expect(200)).body.mode).toBe(
      'wartime',
    );
  });

  it('inside a war-time area: lower levels are refused naming who leads; the branch’s call-ups default to war-time', async () => {
    const state = await post(t.yushan_branch, '/admin/wartime', {
      areaId: ids['MAS-YS-PH'],
      startsAt: at(-1),
      endsAt: at(600),
      reason: '汛期抢险',
    }).expect(200);
    const refused = await send(t.pinghu_station, { unitId: ids['MAS-YS-PH'] }).expect(409);
    expect(refused.body.code).toBe('CALLUP_WARTIME_UNIFIED');
    expect(refused.body.message).toContain('雨山分局');
    await send(t.pinghu_community, { unitId: ids['MAS-YS-PH-C1'] }).expect(409);
    const preview = await post(t.pinghu_station, '/admin/callups/preview', { target: { unitId: ids['MAS-YS-PH'] } });
    expect(preview.body).toMatchObject({ unified: true, wartime: { id: state.body.id, leadUnitName: '雨山分局' } });
    const sent = await send(t.yushan_branch, { unitId: ids['MAS-YS-PH'] }).expect(200);
    expect(sent.body).toMatchObject({ mode: 'wartime', wartime: { id: state.body.id, reason: '汛期抢险' } });
    // outside the area nothing changes
    expect((await send(t.yushan_branch, { unitId: ids['MAS-YS-AM'] }).expect(200)).body.mode).toBe('immediate');
    await post(t.yushan_branch, `/admin/wartime/${state.body.id}/end`, { reason: '险情解除' }).expect(200);
    expect((await send(t.pinghu_station, { unitId: ids['MAS-YS-PH'] }).expect(200)).body.mode).toBe('immediate');
  });

  it('plans: saved by the unit, scoped, unique by name, launched in one step with overrides, deleted', async () => {
    const plan = {
      name: '安民片区重点单位摸排',
      kind: 'verification',
      target: { unitId: ids['MAS-YS-AM'], skills: ['急救'] },
      wanted: 3,
      title: '重点单位摸排',
      task: '逐一核实名单上的单位',
      rally: { address: '安民派出所', ...P },
      deadlineMinutes: 90,
      items: ['加油站', '学校', '医院'],
    };
    const created = await post(t.yushan_branch, '/admin/callup-plans', plan).expect(200);
    expect(created.body).toMatchObject({
      ownerUnitName: '雨山分局',
      deadlineMinutes: 90,
      items: [{ id: 1, label: '加油站' }, {}, {}],
    });
    expect((await post(t.yushan_branch, '/admin/callup-plans', plan).expect(409)).body.code).toBe(
      'CALLUP_PLAN_NAME_TAKEN',
    );
    await get(t.huashan_branch, `/admin/callup-plans/${created.body.id}`).expect(404);
    await get(t.pinghu_station, `/admin/callup-plans/${created.body.id}`).expect(404);
    expect((await get(t.huashan_branch, '/admin/callup-plans').expect(200)).body.total).toBe(0);
    await ctx
      .http()
      .put(`/api/admin/callup-plans/${created.body.id}`)
      .set(...bearer(t.huashan_branch))
      .send(plan)
      .expect(404);
    const updated = await ctx
      .http()
      .put(`/api/admin/callup-plans/${created.body.id}`)
      .set(...bearer(t.yushan_branch))
      .send({ ...plan, wanted: 4 })
      .expect(200);
    expect(updated.body.wanted).toBe(4);
    const launched = await post(t.yushan_branch, `/admin/callup-plans/${created.body.id}/launch`, {
      requestId: `launch-${process.pid}-1`,
      overrides: { title: '今晚重点单位摸排' },
    }).expect(200);
    const c = launched.body as CallupResponse;
    expect(c).toMatchObject({ title: '今晚重点单位摸排', kind: 'verification', planId: created.body.id, wanted: 4 });
    expect(c.counts.asked).toBe(4);
    // the deadline is the plan's 90 minutes after launch (launch and creation lie a few milliseconds apart)
    expect(Math.abs(new Date(c.deadlineAt).getTime() - new Date(c.createdAt).getTime() - 90 * 60_000)).toBeLessThan(
      5000,
    );
    await post(t.huashan_branch, `/admin/callup-plans/${created.body.id}/launch`, {
      requestId: `launch-${process.pid}-2`,
    }).expect(404);
    await ctx
      .http()
      .delete(`/api/admin/callup-plans/${created.body.id}`)
      .set(...bearer(t.yushan_branch))
      .expect(204);
    await get(t.yushan_branch, `/admin/callup-plans/${created.body.id}`).expect(404);
  });

  it('draws: another branch’s talent pool, pending until that branch decides once; accepted people become recipients', async () => {
    const callupId = ids.first;
    await post(t.yushan_branch, `/admin/callups/${callupId}/draws`, { branchId: ids['MAS-YS'], count: 1 }).expect(400);
    expect(
      (
        await post(t.yushan_branch, `/admin/callups/${callupId}/draws`, {
          branchId: ids['MAS-HS'],
          count: 2,
          skills: ['无人机'],
        }).expect(422)
      ).body.code,
    ).toBe('CALLUP_DRAW_EMPTY');
    const asked = await post(t.yushan_branch, `/admin/callups/${callupId}/draws`, {
      branchId: ids['MAS-HS'],
      count: 2,
      skills: ['调解'],
      tier: 'backbone',
    }).expect(200);
    expect(asked.body).toMatchObject({ status: 'pending', picked: 2, branchName: '花山分局' });
    const second = await post(t.yushan_branch, `/admin/callups/${callupId}/draws`, {
      branchId: ids['MAS-HS'],
      count: 1,
      skills: ['调解'],
    }).expect(200);
    await get(t.pinghu_station, '/admin/callup-draws').expect(403);
    expect((await get(t.yushan_branch, '/admin/callup-draws').expect(200)).body.total).toBe(0);
    const inbox = (await get(t.huashan_branch, '/admin/callup-draws').expect(200)).body;
    expect(inbox.total).toBe(2);
    expect(inbox.items[0].volunteers).toHaveLength(2);
    expect(inbox.items[0].callup).toMatchObject({ id: callupId, unitName: '雨山分局' });
    // the asking branch cannot decide its own request: the draw lies outside its scope
    await post(t.yushan_branch, `/admin/callup-draws/${asked.body.id}/decide`, { decision: 'accept' }).expect(404);
    await post(t.jiefang_station, `/admin/callup-draws/${asked.body.id}/decide`, { decision: 'accept' }).expect(403);
    await post(t.city, `/admin/callup-draws/${asked.body.id}/decide`, { decision: 'decline' }).expect(400);
    const [a1, a2] = await Promise.all([
      post(t.huashan_branch, `/admin/callup-draws/${asked.body.id}/decide`, { decision: 'accept' }),
      post(t.city, `/admin/callup-draws/${asked.body.id}/decide`, { decision: 'decline', reason: '人手不足' }),
    ]);
    expect([a1.status, a2.status].sort()).toEqual([200, 409]);
    const drawn = (await recipients(callupId)).filter((r: { source: string }) => r.source === 'draw');
    const detail = (await get(t.yushan_branch, `/admin/callups/${callupId}`).expect(200)).body as CallupResponse;
    if (a1.status === 200) {
      expect(drawn.map((r: { id: number }) => r.id)).toEqual(hs.slice(0, 2).map((x) => x.volunteerId));
      expect(detail.counts.asked).toBe(6);
    } else expect(drawn).toEqual([]);
    const declined = await post(t.huashan_branch, `/admin/callup-draws/${second.body.id}/decide`, {
      decision: 'decline',
      reason: '辖区自身任务重',
    }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '辖区自身任务重' });
    const after = (await get(t.yushan_branch, `/admin/callups/${callupId}`).expect(200)).body as CallupResponse;
    expect(after.draws.map((d) => d.status)).toEqual([a1.status === 200 ? 'accepted' : 'declined', 'declined']);
    expect(
      (await post(t.huashan_branch, `/admin/callup-draws/${second.body.id}/decide`, { decision: 'accept' }).expect(409))
        .body.code,
    ).toBe('CALLUP_DRAW_DECIDED');
  });

  it('scope probes: another unit’s officers get 404 on every by-id route, and lists never leak', async () => {
    const id = ids.first;
    for (const token of [t.jiefang_station, t.huashan_branch, t.pinghu_station]) {
      await get(token, `/admin/callups/${id}`).expect(404);
      await post(token, `/admin/callups/${id}/close`).expect(404);
      await post(token, `/admin/callups/${id}/draws`, { branchId: ids['MAS-HS'], count: 1 }).expect(404);
    }
    expect((await get(t.huashan_branch, '/admin/callups').expect(200)).body.total).toBe(0);
    const own = (await get(t.pinghu_station, '/admin/callups').expect(200)).body;
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.filter((c: CallupResponse) => c.unitName === '雨山分局')).toEqual([]);
    expect((await get(t.yushan_branch, '/admin/callups?status=open').expect(200)).body.total).toBeGreaterThan(5);
    await get(t.yushan_branch, '/admin/callups/999999').expect(404);
  });

  it('closes once, audited', async () => {
    const id = ids.first;
    expect((await post(t.yushan_branch, `/admin/callups/${id}/close`).expect(200)).body.status).toBe('closed');
    expect((await post(t.city, `/admin/callups/${id}/close`).expect(409)).body.code).toBe('CALLUP_CLOSED');
    const [row] = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action IN ('callup.create', 'callup.close') AND targetId = ?",
      [String(id)],
    );
    expect(Number(row.n)).toBe(2);
    expect(
      (await post(t.yushan_branch, `/admin/callups/${id}/draws`, { branchId: ids['MAS-HS'], count: 1 }).expect(409))
        .body.code,
    ).toBe('CALLUP_CLOSED');
  });
});
