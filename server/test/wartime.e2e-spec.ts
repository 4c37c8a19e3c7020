import type { WartimeStateResponse } from '@jianghuai/shared';
import { activityInput } from './support/activity-factories.js';
import { bearer, createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testNowMs } from './support/test-clock.js';

/**
 * War-time states (docs/callups.md#war-time): who may declare over which area, the period's limits, ending early,
 * the scoped list, the guards' banner, and the war-time default of a new activity's mode inside the area and period.
 */
describe(`war-time (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const at = (minutes: number) => new Date(testNowMs() + minutes * 60_000).toISOString();
  const get = (token: string, url: string) =>
    ctx
      .http()
      .get(`/api${url}`)
      .set(...bearer(token));
  const post = (token: string, url: string, body: object) =>
    ctx
      .http()
      .post(`/api${url}`)
      .set(...bearer(token))
      .send(body);
  const declare = (token: string, areaId: number, over: object = {}) =>
    post(token, '/admin/wartime', { areaId, startsAt: at(-1), endsAt: at(24 * 60), reason: '重大活动安保', ...over });
  const newActivityMode = async (token: string, over: object = {}) => {
    const input: Record<string, unknown> = { ...activityInput(), ...over };
    if (!('mode' in over)) delete input.mode;
    const res = await post(token, '/admin/activities', input).expect(201);
    return res.body.mode as string;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'city',
      'yushan_branch',
      'huashan_branch',
      'pinghu_station',
      'jiefang_station',
      'pinghu_community',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken;
    t.lina = (await ctx.loginWechat('lina')).accessToken;
    for (const code of ['MAS', 'MAS-YS', 'MAS-HS', 'MAS-YS-PH', 'MAS-YS-YS', 'MAS-HS-JFL'])
      ids[code] = (await ctx.org(code)).id;
  });
  afterAll(() => ctx.close());

  it('outside any war-time area a new activity without a mode is daily', async () => {
    expect(await newActivityMode(t.pinghu_station)).toBe('daily');
    expect((await get(t.zhangwei, '/wartime/current').expect(200)).body).toEqual({ states: [] });
  });

  it('a branch declares only over its own area, the city over any; areas are branches, stations or communities', async () => {
    await declare(t.yushan_branch, ids['MAS-HS-JFL']).expect(404);
    await declare(t.yushan_branch, ids.MAS).expect(404);
    await declare(t.pinghu_station, ids['MAS-YS-PH']).expect(403);
    await declare(t.pinghu_community, ids['MAS-YS-PH']).expect(403);
    expect((await declare(t.city, ids.MAS).expect(400)).body.code).toBe('WARTIME_AREA_INVALID');
    await declare(t.yushan_branch, 999999).expect(404);
  });

  it('the period: end after start, at most 30 days, not over already; a reason is needed', async () => {
    const bad = async (over: object, code = 'WARTIME_PERIOD_INVALID') =>
      expect((await declare(t.yushan_branch, ids['MAS-YS-PH'], over).expect(400)).body.code).toBe(code);
    await bad({ startsAt: at(60), endsAt: at(30) });
    await bad({ startsAt: at(60), endsAt: at(60) });
    await bad({ startsAt: at(0), endsAt: at(30 * 24 * 60 + 1) });
    await bad({ startsAt: at(-120), endsAt: at(-60) });
    await bad({ reason: '   ' }, 'VALIDATION_FAILED');
    await bad({ reason: '因'.repeat(201) }, 'VALIDATION_FAILED');
    await bad({ startsAt: 'tomorrow' }, 'VALIDATION_FAILED');
  });

  it('declared over 平湖派出所: audited, the banner shows for its guards, activities there default to war-time', async () => {
    const res = await declare(t.yushan_branch, ids['MAS-YS-PH']).expect(200);
    const state = res.body as WartimeStateResponse;
    expect(state).toMatchObject({ areaName: '平湖派出所', leadUnitName: '雨山分局', active: true, endedAt: null });
    ids.ph = state.id;
    const [audit] = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'wartime.declare' AND targetId = ?",
      [String(state.id)],
    );
    expect(Number(audit.n)).toBe(1);
    expect((await get(t.zhangwei, '/wartime/current').expect(200)).body.states).toEqual([
      expect.objectContaining({
        id: state.id,
        areaName: '平湖派出所',
        leadUnitName: '雨山分局',
        reason: '重大活动安保',
      }),
    ]);
    expect((await get(t.lina, '/wartime/current').expect(200)).body.states).toEqual([]);
    expect((await get(t.pinghu_community, '/wartime/current').expect(200)).body.states).toHaveLength(1);
    expect((await get(t.jiefang_station, '/wartime/current').expect(200)).body.states).toEqual([]);
    expect(await newActivityMode(t.pinghu_station)).toBe('wartime');
    expect(await newActivityMode(t.pinghu_community)).toBe('wartime');
    expect(await newActivityMode(t.pinghu_station, { mode: 'daily' })).toBe('daily');
    expect(await newActivityMode(t.jiefang_station)).toBe('daily');
    // the same area over an overlapping period is refused
    expect((await declare(t.city, ids['MAS-YS-PH']).expect(409)).body.code).toBe('WARTIME_OVERLAP');
  });

  it('a state that starts later is listed but not active, and gives no default yet', async () => {
    const res = await declare(t.yushan_branch, ids['MAS-YS-YS'], { startsAt: at(24 * 60), endsAt: at(48 * 60) });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    const yushanStation = await ctx.loginStaff('yushan_station');
    expect(await newActivityMode(yushanStation.accessToken)).toBe('daily');
  });

  it('lists are scoped, active first; another branch never sees them', async () => {
    const list = (await get(t.yushan_branch, '/admin/wartime').expect(200)).body;
    expect(list.total).toBe(2);
    expect(list.items.map((s: WartimeStateResponse) => s.active)).toEqual([true, false]);
    expect((await get(t.yushan_branch, '/admin/wartime?active=true').expect(200)).body.total).toBe(1);
    expect((await get(t.huashan_branch, '/admin/wartime').expect(200)).body.total).toBe(0);
    expect((await get(t.jiefang_station, '/admin/wartime').expect(200)).body.total).toBe(0);
    // a station sees the state over itself; a community sees the one over its station
    expect((await get(t.pinghu_station, '/admin/wartime').expect(200)).body.total).toBe(1);
    expect((await get(t.pinghu_community, '/admin/wartime').expect(200)).body.total).toBe(1);
    expect((await get(t.city, '/admin/wartime').expect(200)).body.total).toBe(2);
    await get(t.zhangwei, '/admin/wartime').expect(403);
  });

  it('ended early with a reason by the declaring branch or above, once; then the default is gone', async () => {
    await post(t.huashan_branch, `/admin/wartime/${ids.ph}/end`, { reason: '误报' }).expect(404);
    await post(t.pinghu_station, `/admin/wartime/${ids.ph}/end`, { reason: '误报' }).expect(403);
    await post(t.yushan_branch, `/admin/wartime/${ids.ph}/end`, {}).expect(400);
    const ended = await post(t.yushan_branch, `/admin/wartime/${ids.ph}/end`, { reason: '安保任务完成' }).expect(200);
    expect(ended.body).toMatchObject({ active: false, endReason: '安保任务完成', endedByName: expect.any(String) });
    expect((await post(t.city, `/admin/wartime/${ids.ph}/end`, { reason: '再次结束' }).expect(409)).body.code).toBe(
      'WARTIME_ALREADY_ENDED',
    );
    expect((await get(t.zhangwei, '/wartime/current').expect(200)).body.states).toEqual([]);
    expect(await newActivityMode(t.pinghu_station)).toBe('daily');
    const [audit] = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'wartime.end' AND targetId = ?",
      [String(ids.ph)],
    );
    expect(Number(audit.n)).toBe(1);
  });

  it('the city declares over a branch; it covers the stations and communities below', async () => {
    const res = await declare(t.city, ids['MAS-HS']).expect(200);
    expect(res.body).toMatchObject({ leadUnitName: '马鞍山市公安局', areaName: '花山分局', active: true });
    expect((await get(t.lina, '/wartime/current').expect(200)).body.states).toHaveLength(1);
    expect(await newActivityMode(t.jiefang_station)).toBe('wartime');
    // the branch under it cannot end the city's state
    await post(t.huashan_branch, `/admin/wartime/${res.body.id}/end`, { reason: '结束' }).expect(404);
  });

  it('declarations at the same moment over one area and period: one is saved each time, the others refused as overlapping', async () => {
    const tokens = [t.yushan_branch, t.city, t.yushan_branch, t.city];
    // five rounds over five later periods: without a lock two of four were saved in most rounds on MariaDB
    for (let round = 1; round <= 5; round++) {
      const period = { startsAt: at(round * 100), endsAt: at(round * 100 + 60) };
      const results = await Promise.all(tokens.map((token) => declare(token, ids['MAS-YS'], period)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('WARTIME_OVERLAP');
    }
    const [rows] = await ctx.dataSource.query(
      'SELECT COUNT(*) AS n FROM wartime_states WHERE areaId = ? AND endedAt IS NULL',
      [ids['MAS-YS']],
    );
    expect(Number(rows.n)).toBe(5);
  });
});
