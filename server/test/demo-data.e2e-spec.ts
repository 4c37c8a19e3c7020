import type { LedgerEntryResponse, MallProductResponse } from '@jianghuai/shared';
import {
  DEMO_ACCOUNTS,
  DEMO_MALL_PRODUCTS,
  DEMO_MALL_STARTING_POINTS,
  DEMO_OVERDUE_APPLICATION,
  DEMO_VOLUNTEERS,
} from '../src/database/seed/demo-data.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';

/**
 * The demo data shows every staff feature from the first start: 平湖派出所 has enough volunteers for a team with a
 * leader and several members, and an application that has waited past the review time, so the review-time warning
 * job has something to tell the station officer.
 */
describe('Demo data (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = (await ctx.loginStaff('pinghu_station')).accessToken;
  });
  afterAll(() => ctx.close());

  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));
  const pinghuNames = DEMO_VOLUNTEERS.filter((v) => v.stationCode === 'MAS-YS-PH').map((v) => v.displayName);

  it('平湖派出所 has at least four active volunteers, listed by name, each able to sign in from the demo list', async () => {
    expect(pinghuNames.length).toBeGreaterThanOrEqual(4);
    const pinghu = (await ctx.org('MAS-YS-PH')).id;
    const list = await get(`/api/admin/volunteers?orgUnitId=${pinghu}&status=active&pageSize=50`, station).expect(200);
    const names = list.body.items.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(pinghuNames));
    for (const v of DEMO_VOLUNTEERS) {
      expect(DEMO_ACCOUNTS).toContainEqual(expect.objectContaining({ code: `sandbox-${v.sandboxName}` }));
      const login = await ctx.loginWechat(v.sandboxName);
      const me = await get('/api/me', login.accessToken).expect(200);
      expect(me.body.volunteer).toMatchObject({ memberNo: v.memberNo, status: 'active' });
    }
  });

  it('an application waits past the review time at 平湖派出所; the job warns its officer, who opens it from the inbox', async () => {
    const queue = await get('/api/admin/applications?overdue=true&pageSize=50', station).expect(200);
    const app = queue.body.items.find((a: { name: string }) => a.name === DEMO_OVERDUE_APPLICATION.name);
    expect(app).toMatchObject({ overdue: true, stage: 'review' });
    // 雨山湖社区 has no reviewer: the community officer of 平湖社区 does not see it
    const community = (await ctx.loginStaff('pinghu_community')).accessToken;
    await get(`/api/admin/applications/${app.id}`, community).expect(404);

    const before = (await get('/api/me/messages/unread-count', station).expect(200)).body.unread as number;
    const admin = (await ctx.loginStaff('admin')).accessToken;
    const run = await ctx
      .http()
      .post('/api/admin/jobs/review-sla-warnings/run')
      .set(...bearer(admin))
      .expect(200);
    expect(run.body.result.overdueWarned).toBeGreaterThanOrEqual(1);

    const inbox = (await get('/api/me/messages', station).expect(200)).body;
    const warning = inbox.items.find((m: { page: string }) => m.page.endsWith(`review-detail/index?id=${app.id}`));
    expect(warning).toMatchObject({ template: 'review_overdue', title: '入会申请初审超时', read: false });
    expect(warning.body).toContain(DEMO_OVERDUE_APPLICATION.name);
    expect(inbox.unread).toBe(before + 1);
    await get(`/api/admin/applications/${app.id}`, station).expect(200);
    await ctx
      .http()
      .post(`/api/me/messages/${warning.id}/read`)
      .set(...bearer(station))
      .expect(204);
    expect((await get('/api/me/messages/unread-count', station).expect(200)).body).toEqual({ unread: before });
  });

  it('the demo shop: the products of the city on the shelf, one with a cash part, and 张伟 has points to try it', async () => {
    const zhang = (await ctx.loginWechat('zhangwei')).accessToken;
    const shelf = (await get('/api/mall/products?pageSize=50', zhang).expect(200)).body.items as MallProductResponse[];
    const demo = shelf.filter((p) => DEMO_MALL_PRODUCTS.some((d) => d.name === p.name));
    expect(demo).toHaveLength(DEMO_MALL_PRODUCTS.length);
    expect(demo.some((p) => p.cashFen > 0)).toBe(true);
    const pinghu = (await ctx.org('MAS-YS-PH')).id;
    const city = (await ctx.org('MAS')).id;
    expect(demo.every((p) => p.orgUnitId === city)).toBe(true);
    expect(demo.every((p) => p.pickupStationIds.includes(pinghu))).toBe(true);
    expect(demo.every((p) => p.affordable)).toBe(true);
    const points = (await get('/api/me/points', zhang).expect(200)).body;
    expect(points.balance).toBe(DEMO_MALL_STARTING_POINTS.amount);
    // through the ledger, so the statement explains the balance; no 积分到账 message for demo points
    expect(points.recent.map((e: LedgerEntryResponse) => [e.amount, e.description])).toContainEqual([
      DEMO_MALL_STARTING_POINTS.amount,
      '演示积分：试用积分商城',
    ]);
    const inbox = (await get('/api/me/messages', zhang).expect(200)).body;
    expect(inbox.items.filter((m: { template: string }) => m.template === 'points_credited')).toEqual([]);
  });
});
