import { addCalendarDays, type TipMapPoint, type TipPlacesResponse } from '@jianghuai/shared';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testToday } from './support/test-clock.js';

/** The officers' map of tip places (docs/tips.md#map-and-nearest-first-list): the chain only, never the submitter. */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
let seq = 0;
const requestId = () => `tip-place-${Date.now().toString(36)}-${(seq++).toString(36)}`;

describe(`tip places (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const tip: Record<string, number> = {};

  const submit = async (token: string, body: Record<string, unknown>) =>
    (
      await ctx
        .http()
        .post('/api/tips')
        .set(...bearer(token))
        .send({ clientRequestId: requestId(), category: 'suspicious_person', text: '有人在车旁徘徊', ...body })
        .expect(200)
    ).body.id as number;
  const places = (token: string, query: Record<string, string | number> = {}) =>
    ctx
      .http()
      .get('/api/admin/tips/places')
      .query(query)
      .set(...bearer(token));
  const ids = async (token: string, query: Record<string, string | number> = {}) =>
    ((await places(token, query).expect(200)).body as TipPlacesResponse).items.map((p) => p.id);

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'pinghu_station',
      'yushan_station',
      'yushan_branch',
      'huashan_branch',
      'city',
      'admin',
      'pinghu_community',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken; // volunteer of 平湖派出所 (雨山分局)
    t.lina = (await ctx.loginWechat('lina')).accessToken; // volunteer of 解放路派出所 (花山分局)
    tip.urgent = await submit(t.zhangwei, {
      urgency: 'urgent',
      place: { address: '平湖小区东门', lat: 31.661, lng: 118.501 },
    });
    tip.dispute = await submit(t.zhangwei, {
      category: 'dispute',
      place: { address: '平湖菜场', lat: 31.665, lng: 118.507 },
    });
    tip.nowhere = await submit(t.zhangwei, { place: { address: '说不清在哪' } });
    tip.otherBranch = await submit(t.lina, { place: { address: '解放路口', lat: 31.7, lng: 118.51 } });
  });
  afterAll(() => ctx.close());

  it('shows the station its tips that carry a location: what and where, never who reported them', async () => {
    const res = (await places(t.pinghu_station).expect(200)).body as TipPlacesResponse;
    const mine = res.items.filter((p) => [tip.urgent, tip.dispute, tip.nowhere, tip.otherBranch].includes(p.id));
    expect(mine.map((p) => p.id).sort()).toEqual([tip.urgent, tip.dispute].sort());
    expect(res.total).toBeGreaterThanOrEqual(2);
    const urgent = mine.find((p) => p.id === tip.urgent) as TipMapPoint;
    expect(urgent).toEqual({
      id: tip.urgent,
      lat: 31.661,
      lng: 118.501,
      address: '平湖小区东门',
      category: 'suspicious_person',
      urgency: 'urgent',
      status: 'submitted',
      escalated: false,
      createdAt: expect.any(String),
    });
    // newest first
    expect(res.items.map((p) => p.id)).toEqual([...res.items.map((p) => p.id)].sort((a, b) => b - a));
    expect(JSON.stringify(res)).not.toMatch(/submitter|memberNo|张伟|phone/i);
  });

  it('takes the queue’s filters: status, category, urgency, station and submission dates', async () => {
    await ctx
      .http()
      .post(`/api/admin/tips/${tip.dispute}/accept`)
      .set(...bearer(t.pinghu_station))
      .expect(200);
    const ours = (list: number[]) => list.filter((id) => id === tip.urgent || id === tip.dispute);
    expect(ours(await ids(t.pinghu_station, { urgency: 'urgent' }))).toEqual([tip.urgent]);
    expect(ours(await ids(t.pinghu_station, { category: 'dispute' }))).toEqual([tip.dispute]);
    expect(ours(await ids(t.pinghu_station, { status: 'accepted' }))).toEqual([tip.dispute]);
    expect(ours(await ids(t.pinghu_station, { status: 'submitted', urgency: 'normal' }))).toEqual([]);
    const pinghu = (await ctx.org('MAS-YS-PH')).id;
    const jiefang = (await ctx.org('MAS-HS-JFL')).id;
    expect(ours(await ids(t.city, { stationId: pinghu }))).toEqual([tip.dispute, tip.urgent]);
    expect(await ids(t.city, { stationId: jiefang })).toContain(tip.otherBranch);
    expect(await ids(t.city, { stationId: jiefang })).not.toContain(tip.urgent);
    // Shanghai days of submission, inclusive
    const today = testToday();
    expect(ours(await ids(t.pinghu_station, { from: today, to: today }))).toEqual([tip.dispute, tip.urgent]);
    expect(ours(await ids(t.pinghu_station, { to: addCalendarDays(today, -1) }))).toEqual([]);
    expect(ours(await ids(t.pinghu_station, { from: addCalendarDays(today, 1) }))).toEqual([]);
    // bad filters and paging are refused, never a 500
    await places(t.pinghu_station, { status: 'gossip' }).expect(400);
    await places(t.pinghu_station, { from: '30/11/2026' }).expect(400);
    await places(t.pinghu_station, { page: 1 }).expect(400);
  });

  it('the chain sees the places, everyone else does not: other station and branch, community until assigned', async () => {
    for (const who of ['pinghu_station', 'yushan_branch', 'city']) {
      expect(await ids(t[who])).toEqual(expect.arrayContaining([tip.urgent, tip.dispute]));
    }
    expect(await ids(t.city)).toContain(tip.otherBranch);
    for (const who of ['yushan_station', 'huashan_branch', 'pinghu_community']) {
      const seen = await ids(t[who]);
      expect(seen).not.toContain(tip.urgent);
      expect(seen).not.toContain(tip.dispute);
    }
    expect(await ids(t.pinghu_station)).not.toContain(tip.otherBranch);
    expect(await ids(t.yushan_branch)).not.toContain(tip.otherBranch);
    // assigned to the station's community: the community now sees that one place
    const community = Number(
      (await ctx.dataSource.query('SELECT orgUnitId FROM users WHERE username = ?', ['pinghu_community']))[0].orgUnitId,
    );
    await ctx
      .http()
      .post(`/api/admin/tips/${tip.dispute}/assign`)
      .set(...bearer(t.pinghu_station))
      .send({ orgUnitId: community })
      .expect(200);
    const seen = await ids(t.pinghu_community);
    expect(seen).toContain(tip.dispute);
    expect(seen).not.toContain(tip.urgent);
  });

  it('the submitter and the system administrator may not read it; without a sign-in it is 401', async () => {
    expect((await places(t.zhangwei).expect(403)).body.code).toBeDefined();
    await places(t.admin).expect(403);
    await ctx.http().get('/api/admin/tips/places').expect(401);
    // the route does not shadow the tips themselves
    await ctx
      .http()
      .get(`/api/admin/tips/${tip.urgent}`)
      .set(...bearer(t.pinghu_station))
      .expect(200);
  });
});
