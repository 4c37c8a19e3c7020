import ExcelJS from 'exceljs';
import {
  MALL_PICKUP_QR_PREFIX,
  addCalendarDays,
  type MallAdminOrderDetail,
  type MallOrderResponse,
  type MallPickupLookup,
  type MallProductResponse,
  type MallStats,
} from '@jianghuai/shared';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { MallOrder } from '../src/modules/mall/entities/mall-order.entity.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { User } from '../src/modules/users/user.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { createVolunteers, mintLogins, type TestVolunteer } from './support/activity-factories.js';
import { testNow, testNowMs, testToday } from './support/test-clock.js';

/**
 * Mall order handling (docs/mall.md#pickup, #orders, #export, #statistics): ready with a one-time code, lookup and
 * a single confirm, the staff order list, detail, .xlsx export and statistics, each route probed for scope.
 */
describe('Mall pickup, orders, export and statistics', () => {
  let ctx: TestContext;
  let seq = 0;
  const req = () => `pick-${process.pid}-${++seq}-abcdef`;
  let mall: string; // the city's operator
  let ysOp: string; // 雨山分局's operator
  let hsOp: string; // 花山分局's operator
  let bwOp: string; // 博望分局's operator (statistics fixture)
  let pinghu: string; // 平湖派出所 officer (王所长)
  let yushan: string; // 雨山派出所 officer: another station
  let community: string;
  let ph: { id: number; path: string };

  const http = () => ctx.http();
  const get = (url: string, token: string) =>
    http()
      .get(url)
      .set(...bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const credit = (v: TestVolunteer, amount: number, awardingOrg: { id: number; path: string } | null = null) =>
    ctx.dataSource.transaction((m) =>
      ctx.app.get(PointsLedgerService).post(m, {
        userId: v.userId,
        volunteerId: v.volunteerId,
        type: 'commendation',
        amount,
        sourceType: 'test',
        sourceId: String(v.userId),
        description: '测试表彰',
        idempotencyKey: `pickup-test-credit:${v.userId}:${++seq}`,
        awardingOrgId: awardingOrg?.id ?? null,
        awardingOrgPath: awardingOrg?.path ?? null,
        notify: false,
      }),
    );
  const operatorAt = async (code: string): Promise<string> => {
    const unit = await ctx.org(code);
    const repo = ctx.dataSource.getRepository(User);
    const u = await repo.save(
      repo.create({
        openid: null,
        username: `op-${code}-${process.pid}`.toLowerCase(),
        displayName: `${code}运营`,
        roles: ['mall_operator'],
        orgUnitId: unit.id,
        status: 'active',
        failedLogins: 0,
        createdAt: testNow(),
        updatedAt: testNow(),
      }),
    );
    return (await mintLogins(ctx, [u.id])).get(u.id)!;
  };
  const product = async (token: string, over: Record<string, unknown>): Promise<MallProductResponse> => {
    const res = await post('/api/admin/mall/products', token, {
      name: '保温杯',
      category: '生活用品',
      pointsPrice: 10,
      stock: 50,
      ...over,
    });
    expect(res.status).toBe(200);
    expect((await post(`/api/admin/mall/products/${res.body.id}/shelf`, token, { onShelf: true })).status).toBe(200);
    return res.body as MallProductResponse;
  };
  const order = async (v: TestVolunteer, p: MallProductResponse, over: Record<string, unknown> = {}) => {
    const res = await post('/api/mall/orders', v.token, {
      productId: p.id,
      quantity: 1,
      clientRequestId: req(),
      ...(p.pickupStationIds.length ? { pickupStationId: p.pickupStationIds[0] } : {}),
      ...over,
    });
    expect(res.status).toBe(200);
    return res.body as MallOrderResponse;
  };
  const codeOf = async (v: TestVolunteer, id: number): Promise<string> =>
    (await get(`/api/me/orders/${id}`, v.token).expect(200)).body.pickupCode as string;

  let cup: MallProductResponse; // 雨山分局's, picked up at 平湖派出所
  let post1: MallProductResponse; // 雨山分局's, delivered
  let umbrella: MallProductResponse; // 花山分局's, picked up at 解放路派出所
  let zhang: TestVolunteer;

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
    community = (await ctx.loginStaff('pinghu_community')).accessToken;
    ysOp = await operatorAt('MAS-YS');
    hsOp = await operatorAt('MAS-HS');
    bwOp = await operatorAt('MAS-BW');
    ph = await ctx.org('MAS-YS-PH');
    const jfl = await ctx.org('MAS-HS-JFL');
    cup = await product(ysOp, { name: '雨山保温杯', pickupStationIds: [ph.id] });
    post1 = await product(ysOp, { name: '雨山邮寄雨伞', delivery: true });
    umbrella = await product(hsOp, { name: '花山雨伞', pickupStationIds: [jfl.id] });
    [zhang] = await createVolunteers(ctx, 1);
    await ctx.dataSource.getRepository(Volunteer).update({ id: zhang.volunteerId }, { name: '张伟' });
    await credit(zhang, 1000);
  });
  afterAll(() => ctx.close());

  it('ready: by the pickup station’s officer or the operator, never another station, another branch or a guard', async () => {
    const a = await order(zhang, cup);
    const b = await order(zhang, cup);
    expect((await post(`/api/admin/mall/orders/${a.id}/ready`, zhang.token)).status).toBe(403);
    expect((await post(`/api/admin/mall/orders/${a.id}/ready`, community)).status).toBe(403);
    expect((await post(`/api/admin/mall/orders/${a.id}/ready`, yushan)).body.code).toBe('NOT_FOUND');
    expect((await post(`/api/admin/mall/orders/${a.id}/ready`, hsOp)).body.code).toBe('NOT_FOUND');
    expect(await codeOf(zhang, a.id)).toBeNull();

    const byStation = await post(`/api/admin/mall/orders/${a.id}/ready`, pinghu);
    expect(byStation.status).toBe(200);
    expect(byStation.body).toMatchObject({ id: a.id, status: 'ready', statusLabel: '待领取', volunteerName: '张*' });
    expect(byStation.body.pickupCode).toBeUndefined(); // staff never see a pickup order's code
    const byOperator = await post(`/api/admin/mall/orders/${b.id}/ready`, ysOp);
    expect(byOperator.status).toBe(200);
    expect((await post(`/api/admin/mall/orders/${a.id}/ready`, ysOp)).body.code).toBe('MALL_ORDER_NOT_PAID');

    // the guard's own view: the 8 digits and the QR text, when it became ready
    const mine = (await get(`/api/me/orders/${a.id}`, zhang.token).expect(200)).body as MallOrderResponse;
    expect(mine.pickupCode).toMatch(/^\d{8}$/);
    expect(mine.pickupQr).toBe(`${MALL_PICKUP_QR_PREFIX}${mine.pickupCode}`);
    expect(mine.readyAt).not.toBeNull();
    expect(mine.pickupCode).not.toBe(await codeOf(zhang, b.id));
    const list = (await get('/api/me/orders', zhang.token).expect(200)).body.items as MallOrderResponse[];
    expect(list.find((o) => o.id === a.id)?.pickupCode).toBe(mine.pickupCode);

    // the guard is told in the app, linking to the order page, and once per ready
    const msgs = await ctx.dataSource
      .getRepository(Notification)
      .findBy({ userId: zhang.userId, template: 'order_status' });
    expect(msgs.filter((n) => n.page === `mall/order/index?id=${a.id}`).map((n) => n.title)).toEqual(['可以领取了']);
    expect(msgs.find((n) => n.page === `mall/order/index?id=${a.id}`)?.body).toContain('平湖派出所');
    const audits = await ctx.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'mall.order.ready', targetId: String(a.id) });
    expect(audits).toHaveLength(1);
  });

  it('two readies at once: one code, one message', async () => {
    const o = await order(zhang, cup);
    const res = await Promise.all([
      post(`/api/admin/mall/orders/${o.id}/ready`, pinghu),
      post(`/api/admin/mall/orders/${o.id}/ready`, ysOp),
    ]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    const msgs = await ctx.dataSource
      .getRepository(Notification)
      .countBy({ userId: zhang.userId, page: `mall/order/index?id=${o.id}` });
    expect(msgs).toBe(1);
  });

  it('lookup by the 8 digits and by the QR text; other stations and branches get 404, as for unknown codes', async () => {
    const o = await order(zhang, cup, { quantity: 2 });
    await post(`/api/admin/mall/orders/${o.id}/ready`, pinghu).expect(200);
    const code = await codeOf(zhang, o.id);
    const byCode = await post('/api/admin/mall/pickups/lookup', pinghu, { code });
    expect(byCode.status).toBe(200);
    expect(byCode.body as MallPickupLookup).toEqual({
      orderId: o.id,
      productName: '雨山保温杯',
      quantity: 2,
      volunteerName: '张*',
      pickupStationName: '平湖派出所',
      status: 'ready',
      statusLabel: '待领取',
      usedAt: null,
      usedByName: null,
    });
    const byQr = await post('/api/admin/mall/pickups/lookup', pinghu, { code: `${MALL_PICKUP_QR_PREFIX}${code}` });
    expect(byQr.body).toEqual(byCode.body);
    expect((await post('/api/admin/mall/pickups/lookup', mall, { code })).status).toBe(200);
    expect((await post('/api/admin/mall/pickups/lookup', ysOp, { code })).status).toBe(200);
    for (const token of [yushan, hsOp]) {
      const res = await post('/api/admin/mall/pickups/lookup', token, { code });
      expect([res.status, res.body.code]).toEqual([404, 'MALL_PICKUP_NOT_FOUND']);
      const c = await post('/api/admin/mall/pickups/confirm', token, { code });
      expect([c.status, c.body.code]).toEqual([404, 'MALL_PICKUP_NOT_FOUND']);
    }
    expect((await post('/api/admin/mall/pickups/lookup', community, { code })).status).toBe(403);
    expect((await post('/api/admin/mall/pickups/lookup', zhang.token, { code })).status).toBe(403);
    expect((await post('/api/admin/mall/pickups/lookup', pinghu, { code: 'abc' })).status).toBe(400);
    expect((await post('/api/admin/mall/pickups/lookup', pinghu, { code: '1234567' })).status).toBe(400);
    const unknown = code === '00000000' ? '00000001' : '00000000';
    expect((await post('/api/admin/mall/pickups/lookup', pinghu, { code: unknown })).body.code).toBe(
      'MALL_PICKUP_NOT_FOUND',
    );
    expect((await get(`/api/me/orders/${o.id}`, zhang.token)).body.status).toBe('ready');
  });

  it('two simultaneous confirms: one hands over, the other is told when and by whom; so is a later scan', async () => {
    const o = await order(zhang, cup);
    await post(`/api/admin/mall/orders/${o.id}/ready`, pinghu).expect(200);
    const code = await codeOf(zhang, o.id);
    const res = await Promise.all([
      post('/api/admin/mall/pickups/confirm', pinghu, { code }),
      post('/api/admin/mall/pickups/confirm', ysOp, { code: `${MALL_PICKUP_QR_PREFIX}${code}` }),
    ]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = res.find((r) => r.status === 200)!;
    const lost = res.find((r) => r.status === 409)!;
    const winner = won === res[0] ? '王所长' : 'MAS-YS运营';
    expect(won.body).toMatchObject({ orderId: o.id, status: 'completed', statusLabel: '已领取', usedByName: winner });
    expect(lost.body.code).toBe('MALL_PICKUP_USED');
    expect(lost.body.details).toMatchObject({ orderId: o.id, usedByName: winner, usedAt: won.body.usedAt });
    expect(lost.body.details.usedAtText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lost.body.details.usedAtText.slice(0, 10)).toBe(testToday());
    expect(lost.body.message).toBe(`这个领取码已于 ${lost.body.details.usedAtText} 由 ${winner} 核销，不能再次领取`);

    const later = await post('/api/admin/mall/pickups/confirm', pinghu, { code });
    expect([later.status, later.body.code, later.body.message]).toEqual([409, 'MALL_PICKUP_USED', lost.body.message]);
    const look = await post('/api/admin/mall/pickups/lookup', pinghu, { code });
    expect(look.body).toMatchObject({ status: 'completed', usedAt: won.body.usedAt, usedByName: winner });

    const row = await ctx.dataSource.getRepository(MallOrder).findOneByOrFail({ id: o.id });
    expect(row.status).toBe('completed');
    expect(row.verifiedAt?.toISOString()).toBe(won.body.usedAt);
    expect(row.completedAt?.toISOString()).toBe(won.body.usedAt);
    expect(
      await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'mall.order.pickup', targetId: String(o.id) }),
    ).toBe(1);
    const told = await ctx.dataSource
      .getRepository(Notification)
      .findBy({ userId: zhang.userId, page: `mall/order/index?id=${o.id}` });
    expect(told.map((n) => n.title).sort()).toEqual(['兑换物品已领取', '可以领取了'].sort());
    const mine = (await get(`/api/me/orders/${o.id}`, zhang.token)).body as MallOrderResponse;
    expect(mine).toMatchObject({ status: 'completed', pickupCode: code, completedAt: won.body.usedAt });

    // the detail names who handed over; another station's officer does not reach it
    const detail = (await get(`/api/admin/mall/orders/${o.id}`, pinghu).expect(200)).body as MallAdminOrderDetail;
    expect(detail).toMatchObject({ verifiedByName: winner, verifiedAt: won.body.usedAt, payments: [] });
    expect(detail.productOrgUnitId).toBe(cup.orgUnitId);
    expect((await get(`/api/admin/mall/orders/${o.id}`, yushan)).status).toBe(404);
    expect((await get(`/api/admin/mall/orders/${o.id}`, hsOp)).status).toBe(404);
    expect((await get(`/api/admin/mall/orders/${o.id}`, community)).status).toBe(403);
    expect((await get(`/api/admin/mall/orders/${o.id}`, zhang.token)).status).toBe(403);
  });

  it('delivery: ready means sent, and the operator confirms delivery with the order’s code from the detail', async () => {
    const o = await order(zhang, post1);
    expect((await post(`/api/admin/mall/orders/${o.id}/ready`, pinghu)).status).toBe(404); // no station reaches it
    const sent = await post(`/api/admin/mall/orders/${o.id}/ready`, ysOp);
    expect(sent.status).toBe(200);
    expect(sent.body.pickupCode).toMatch(/^\d{8}$/);
    const told = await ctx.dataSource
      .getRepository(Notification)
      .findOneByOrFail({ userId: zhang.userId, page: `mall/order/index?id=${o.id}` });
    expect(told.title).toBe('兑换物品已寄出');
    const done = await post('/api/admin/mall/pickups/confirm', ysOp, { code: sent.body.pickupCode });
    expect(done.body).toMatchObject({ status: 'completed', pickupStationName: null, usedByName: 'MAS-YS运营' });
  });

  it('the order detail lists the WeChat Pay attempts of a cash part', async () => {
    const raincoat = await product(ysOp, { name: '雨山雨衣', cashFen: 1250, pickupStationIds: [ph.id] });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const o = await order(v, raincoat);
    expect((await get(`/api/admin/mall/orders/${o.id}`, ysOp)).body.payments).toEqual([]);
    const pay = await post(`/api/me/orders/${o.id}/pay`, v.token);
    expect(pay.status).toBe(200);
    const detail = (await get(`/api/admin/mall/orders/${o.id}`, pinghu).expect(200)).body as MallAdminOrderDetail;
    expect(detail.payments).toEqual([
      { outTradeNo: pay.body.outTradeNo, state: 'prepaid', createdAt: expect.any(String), paidAt: null },
    ]);
  });

  it('a member of staff who keeps entering wrong codes is paused', async () => {
    const jfl = (await ctx.loginStaff('jiefang_station')).accessToken;
    const codes = Array.from({ length: 10 }, (_, i) => String(99_000_000 + i));
    for (const code of codes)
      expect((await post('/api/admin/mall/pickups/lookup', jfl, { code })).body.code).toBe('MALL_PICKUP_NOT_FOUND');
    const braked = await post('/api/admin/mall/pickups/confirm', jfl, { code: '99000099' });
    expect([braked.status, braked.body.code]).toEqual([429, 'MALL_PICKUP_TOO_MANY']);
    // another member of staff is not braked by it
    expect((await post('/api/admin/mall/pickups/lookup', yushan, { code: '99000099' })).status).toBe(404);
  });

  it('the staff order list: filters, paging, and each viewer’s reach', async () => {
    const [li] = await createVolunteers(ctx, 1);
    await credit(li, 500);
    const o1 = await order(li, cup);
    const o2 = await order(li, umbrella);
    const o3 = await order(li, post1);
    const ids = (r: { body: { items: MallOrderResponse[] } }) => r.body.items.map((o) => o.id);
    // a station officer sees the orders to be picked up at the station, whoever's products they are
    const station = await get('/api/admin/mall/orders?pageSize=100', pinghu).expect(200);
    expect(ids(station)).toContain(o1.id);
    expect(ids(station)).not.toContain(o2.id);
    expect(ids(station)).not.toContain(o3.id);
    expect(station.body.items.every((o: MallOrderResponse) => o.pickupStationId === ph.id)).toBe(true);
    expect(ids(await get('/api/admin/mall/orders?pageSize=100', yushan))).toEqual([]);
    // operators: their products only; the city sees all
    const ys = await get('/api/admin/mall/orders?pageSize=100', ysOp).expect(200);
    expect(ids(ys)).toEqual(expect.arrayContaining([o1.id, o3.id]));
    expect(ids(ys)).not.toContain(o2.id);
    expect(ids(await get('/api/admin/mall/orders?pageSize=100', hsOp))).toEqual([o2.id]);
    expect(ids(await get('/api/admin/mall/orders?pageSize=100', mall))).toEqual(
      expect.arrayContaining([o1.id, o2.id, o3.id]),
    );
    expect((await get('/api/admin/mall/orders', community)).status).toBe(403);
    expect((await get('/api/admin/mall/orders', li.token)).status).toBe(403);
    // filters
    expect(ids(await get(`/api/admin/mall/orders?productId=${post1.id}&pageSize=100`, ysOp))).toContain(o3.id);
    expect(ids(await get(`/api/admin/mall/orders?productId=${post1.id}&pageSize=100`, ysOp))).not.toContain(o1.id);
    expect(ids(await get(`/api/admin/mall/orders?q=${o1.id}`, ysOp))).toEqual([o1.id]);
    expect(ids(await get(`/api/admin/mall/orders?q=${encodeURIComponent('花山')}`, mall))).toEqual([o2.id]);
    expect(ids(await get(`/api/admin/mall/orders?q=${encodeURIComponent('50%_!')}`, mall))).toEqual([]);
    const st = await get(`/api/admin/mall/orders?pickupStationId=${ph.id}&status=paid&pageSize=100`, mall);
    expect(ids(st)).toContain(o1.id);
    expect(st.body.items.every((o: MallOrderResponse) => o.status === 'paid' && o.pickupStationId === ph.id)).toBe(
      true,
    );
    const today = testToday();
    expect(ids(await get(`/api/admin/mall/orders?from=${today}&to=${today}&pageSize=100`, hsOp))).toEqual([o2.id]);
    const tomorrow = addCalendarDays(today, 1);
    expect(ids(await get(`/api/admin/mall/orders?from=${tomorrow}`, hsOp))).toEqual([]);
    expect(ids(await get(`/api/admin/mall/orders?to=${addCalendarDays(today, -1)}`, hsOp))).toEqual([]);
    expect((await get('/api/admin/mall/orders?from=2026-13-40', mall)).status).toBe(400);
    expect((await get('/api/admin/mall/orders?status=lost', mall)).status).toBe(400);
    const paged = await get('/api/admin/mall/orders?page=1&pageSize=1', ysOp).expect(200);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBe(ys.body.total);
  });

  it('export: the filtered list as .xlsx with Chinese headers and file name; the operator’s only', async () => {
    const load = async (url: string, token: string) => {
      const res = await http()
        .get(url)
        .set(...bearer(token))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
      return { res, ws: wb.worksheets[0] };
    };
    const { res, ws } = await load('/api/admin/mall/orders/export', ysOp);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('商城订单.xlsx')}`);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '订单号',
      '下单时间',
      '商品',
      '数量',
      '积分',
      '现金（元）',
      '状态',
      '领取服务站',
      '义警',
      '可领取时间',
      '领取时间',
      '核销人',
    ]);
    const all = (await get('/api/admin/mall/orders?pageSize=100', ysOp)).body as { total: number };
    expect(ws.rowCount - 1).toBe(all.total);
    const exportedIds = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).value);
    const listed = ((await get('/api/admin/mall/orders?pageSize=100', ysOp)).body.items as MallOrderResponse[]).map(
      (o) => o.id,
    );
    expect(exportedIds).toEqual(listed);

    const done = await load('/api/admin/mall/orders/export?status=completed', ysOp);
    const doneRows = Array.from({ length: done.ws.rowCount - 1 }, (_, i) => done.ws.getRow(i + 2));
    const completed = (await get('/api/admin/mall/orders?status=completed&pageSize=100', ysOp)).body.total;
    expect(doneRows).toHaveLength(completed);
    expect(doneRows.length).toBeGreaterThan(0);
    expect(doneRows.every((r) => r.getCell(7).value === '已领取')).toBe(true);
    expect(doneRows.every((r) => String(r.getCell(11).value).startsWith(testToday()))).toBe(true);
    const zhangRow = doneRows.find((r) => r.getCell(3).value === '雨山保温杯')!;
    expect([zhangRow.getCell(8).value, zhangRow.getCell(9).value]).toEqual(['平湖派出所', '张*']);
    const posted = doneRows.find((r) => r.getCell(3).value === '雨山邮寄雨伞')!;
    expect(posted.getCell(8).value).toBe('邮寄');

    const hs = await load(`/api/admin/mall/orders/export?productId=${cup.id}`, hsOp);
    expect(hs.ws.rowCount).toBe(1); // headers only: another branch's product
    expect((await get('/api/admin/mall/orders/export', pinghu)).status).toBe(403);
    expect((await get('/api/admin/mall/orders/export', zhang.token)).status).toBe(403);
    expect(await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'mall.order.export' })).toBe(3);
  });

  it('statistics: sales per product org (refunded, cancelled and unpaid excluded) and points held per issuing org', async () => {
    const bw = await ctx.org('MAS-BW');
    const bwStation = await ctx.org('MAS-BW-BW');
    const mug = await product(bwOp, { name: '博望水杯', pointsPrice: 10, delivery: true });
    const tea = await product(bwOp, {
      name: '博望茶叶',
      pointsPrice: 5,
      cashFen: 200,
      delivery: true,
      orgUnitId: bwStation.id,
    });
    const vs = await createVolunteers(ctx, 6, { stationCode: 'MAS-BW-BW' });
    for (const v of vs) await credit(v, 100);
    const status = (id: number, s: MallOrder['status']) =>
      ctx.dataSource.getRepository(MallOrder).update({ id }, { status: s });
    // 博望分局: 2 units (later handed over) + 1 unit; a refunded one does not count
    const a = await order(vs[0], mug, { quantity: 2 });
    await post(`/api/admin/mall/orders/${a.id}/ready`, bwOp).expect(200);
    await post('/api/admin/mall/pickups/confirm', bwOp, { code: await codeOf(vs[0], a.id) }).expect(200);
    await order(vs[1], mug);
    await status((await order(vs[2], mug)).id, 'refunded');
    // 博望派出所: one paid with its cash part; a cancelled and an unpaid one do not count
    await status((await order(vs[3], tea)).id, 'paid');
    const cancelled = await order(vs[4], tea);
    await post(`/api/me/orders/${cancelled.id}/cancel`, vs[4].token).expect(200);
    await order(vs[5], tea, { quantity: 3 });
    // last month's order is outside the default period
    const old = await order(vs[1], mug, { quantity: 4 });
    await ctx.dataSource
      .getRepository(MallOrder)
      .update({ id: old.id }, { createdAt: new Date(testNowMs() - 40 * 86_400_000) });
    // points issued by the two units to guards who have not spent them
    const [h1, h2, h3] = await createVolunteers(ctx, 3, { stationCode: 'MAS-BW-BW' });
    await credit(h1, 40, bwStation);
    await credit(h2, 25, bw);
    // a guard who spends: 30 from the station first, then 20 from the branch; 30 spent takes the oldest (the station's)
    await credit(h3, 30, bwStation);
    await credit(h3, 20, bw);
    await order(h3, mug, { quantity: 3 });

    const stats = (await get('/api/admin/mall/stats', bwOp).expect(200)).body as MallStats;
    const today = testToday();
    expect([stats.from, stats.to]).toEqual([`${today.slice(0, 8)}01`, today]);
    expect(stats.sales).toEqual([
      { orgUnitId: bw.id, orgName: '博望分局', orders: 3, units: 6, pointsRedeemed: 60, cashFen: 0 },
      { orgUnitId: bwStation.id, orgName: '博望派出所', orders: 1, units: 1, pointsRedeemed: 5, cashFen: 200 },
    ]);
    expect(stats.liability).toEqual([
      { orgUnitId: bw.id, orgName: '博望分局', points: 45 },
      { orgUnitId: bwStation.id, orgName: '博望派出所', points: 40 },
    ]);
    const wide = (await get(`/api/admin/mall/stats?from=${addCalendarDays(today, -45)}&to=${today}`, bwOp)).body;
    expect(wide.sales[0]).toMatchObject({ orgUnitId: bw.id, orders: 4, units: 10, pointsRedeemed: 100 });

    // scope: another branch's operator sees none of it; the city's operator sees it among the rest
    const hs = (await get('/api/admin/mall/stats', hsOp).expect(200)).body as MallStats;
    expect([...hs.sales, ...hs.liability].map((r) => r.orgUnitId)).not.toContain(bw.id);
    const city = (await get('/api/admin/mall/stats', mall).expect(200)).body as MallStats;
    expect(city.sales.find((r) => r.orgUnitId === bwStation.id)).toMatchObject({ orders: 1, cashFen: 200 });
    expect((await get('/api/admin/mall/stats', pinghu)).status).toBe(403);
    expect((await get('/api/admin/mall/stats', vs[0].token)).status).toBe(403);
    expect((await get(`/api/admin/mall/stats?from=${today}&to=${addCalendarDays(today, -1)}`, bwOp)).body.code).toBe(
      'MALL_STATS_RANGE_INVALID',
    );
    expect((await get('/api/admin/mall/stats?from=2025-01-01&to=2026-11-30', bwOp)).body.code).toBe(
      'MALL_STATS_RANGE_INVALID',
    );
    expect((await get('/api/admin/mall/stats?from=yesterday', bwOp)).status).toBe(400);
  });
});
