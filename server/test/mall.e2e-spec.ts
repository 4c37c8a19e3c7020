import sharp from 'sharp';
import type { MallOrderResponse, MallProductResponse } from '@jianghuai/shared';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { MallOrder } from '../src/modules/mall/entities/mall-order.entity.js';
import { MallProduct } from '../src/modules/mall/entities/mall-product.entity.js';
import { PointsLedgerEntry } from '../src/modules/points/entities/points-ledger-entry.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { createVolunteers, mintLogins, type TestVolunteer } from './support/activity-factories.js';
import { testNow, testNowMs } from './support/test-clock.js';

/** The points mall (docs/mall.md): products per org, rush-proof redemption orders, cancellation, the unpaid job. */
describe('Points mall', () => {
  let ctx: TestContext;
  let mall: string; // the city's mall operator (sees every unit)
  let seq = 0;
  const req = () => `req-${process.pid}-${++seq}-abcdef`;

  const credit = (v: TestVolunteer, amount: number) =>
    ctx.dataSource.transaction((m) =>
      ctx.app.get(PointsLedgerService).post(m, {
        userId: v.userId,
        volunteerId: v.volunteerId,
        type: 'commendation',
        amount,
        sourceType: 'test',
        sourceId: String(v.userId),
        description: '测试表彰',
        idempotencyKey: `mall-test-credit:${v.userId}:${++seq}`,
        awardingOrgId: null,
        awardingOrgPath: null,
        notify: false,
      }),
    );
  const balance = async (v: TestVolunteer) =>
    (await ctx.app.get(PointsLedgerService).balanceOf(v.userId))?.balance ?? 0;
  const stock = async (id: number) => (await ctx.dataSource.getRepository(MallProduct).findOneByOrFail({ id })).stock;

  /** A product on the shelf, made through the operator's routes. */
  const product = async (over: Record<string, unknown> = {}, token = mall): Promise<MallProductResponse> => {
    const res = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(token))
      .send({ name: '保温杯', category: '生活用品', pointsPrice: 10, stock: 20, ...over });
    expect(res.status).toBe(200);
    const on = await ctx
      .http()
      .post(`/api/admin/mall/products/${res.body.id}/shelf`)
      .set(...bearer(token))
      .send({ onShelf: true });
    expect(on.status).toBe(200);
    return on.body as MallProductResponse;
  };
  const order = (v: TestVolunteer, productId: number, over: Record<string, unknown> = {}) =>
    ctx
      .http()
      .post('/api/mall/orders')
      .set(...bearer(v.token))
      .send({ productId, quantity: 1, clientRequestId: req(), ...over });

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
  });
  afterAll(() => ctx.close());

  it('200 simultaneous orders for 20 in stock: exactly 20 orders, stock 0, every loser told 已兑完', async () => {
    const p = await product({ stock: 20 });
    const vs = await createVolunteers(ctx, 200);
    for (const v of vs) await credit(v, 15);
    const res = await Promise.all(vs.map((v) => order(v, p.id)));
    const ok = res.filter((r) => r.status === 200);
    expect(ok).toHaveLength(20);
    expect(res.filter((r) => r.status !== 200).map((r) => [r.status, r.body.code])).toEqual(
      Array.from({ length: 180 }, () => [409, 'MALL_OUT_OF_STOCK']),
    );
    expect(await stock(p.id)).toBe(0);
    expect(await ctx.dataSource.getRepository(MallOrder).countBy({ productId: p.id })).toBe(20);
    const balances = await Promise.all(vs.map(balance));
    expect(balances.filter((b) => b === 5)).toHaveLength(20);
    expect(balances.filter((b) => b === 15)).toHaveLength(180);
    expect(ok.every((r) => (r.body as MallOrderResponse).status === 'paid')).toBe(true);
  });

  it('points for 2 and 5 simultaneous orders: at most 2, the balance never below zero', async () => {
    const p = await product({ stock: 50 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 20);
    const res = await Promise.all(Array.from({ length: 5 }, () => order(v, p.id)));
    expect(res.filter((r) => r.status === 200)).toHaveLength(2);
    expect(res.filter((r) => r.status !== 200).map((r) => r.body.code)).toEqual(
      Array(3).fill('MALL_POINTS_INSUFFICIENT'),
    );
    expect(await balance(v)).toBe(0);
    expect(await stock(p.id)).toBe(48);
  });

  it('the per-person limit holds under 5 simultaneous orders; more than the limit at once is refused', async () => {
    const p = await product({ stock: 50, perPersonLimit: 2 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 1000);
    expect((await order(v, p.id, { quantity: 3 })).body.code).toBe('MALL_LIMIT_REACHED');
    const res = await Promise.all(Array.from({ length: 5 }, () => order(v, p.id)));
    expect(res.filter((r) => r.status === 200)).toHaveLength(2);
    expect(res.filter((r) => r.status !== 200).map((r) => r.body.code)).toEqual(Array(3).fill('MALL_LIMIT_REACHED'));
    expect(await balance(v)).toBe(980);
    expect(await stock(p.id)).toBe(48);
  });

  it('a request repeated simultaneously makes one order and one debit', async () => {
    const p = await product({ stock: 10 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const clientRequestId = req();
    const res = await Promise.all(Array.from({ length: 5 }, () => order(v, p.id, { clientRequestId })));
    expect(res.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect(new Set(res.map((r) => r.body.id)).size).toBe(1);
    expect(
      await ctx.dataSource
        .getRepository(PointsLedgerEntry)
        .countBy({ sourceType: 'mall_order', sourceId: String(res[0].body.id) }),
    ).toBe(1);
    expect(await balance(v)).toBe(90);
    expect(await stock(p.id)).toBe(9);
  });

  it('an order with a cash part waits for payment; cancelled twice at once it returns stock and points once', async () => {
    const p = await product({ stock: 5, cashFen: 990 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 30);
    const placed = await order(v, p.id, { quantity: 2 });
    expect(placed.body).toMatchObject({ status: 'pending_payment', pointsTotal: 20, cashFenTotal: 1980 });
    expect([await balance(v), await stock(p.id)]).toEqual([10, 3]);
    const cancel = () =>
      ctx
        .http()
        .post(`/api/me/orders/${placed.body.id}/cancel`)
        .set(...bearer(v.token));
    const res = await Promise.all([cancel(), cancel()]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.code).toBe('MALL_ORDER_STATE_CHANGED');
    expect([await balance(v), await stock(p.id)]).toEqual([30, 5]);
    // the refund gives the spending back; it is not points earned
    expect(await ctx.app.get(PointsLedgerService).balanceOf(v.userId)).toMatchObject({ earned: 30, spent: 0 });
    const mine = await ctx
      .http()
      .get(`/api/me/orders/${placed.body.id}`)
      .set(...bearer(v.token));
    expect(mine.body).toMatchObject({ status: 'cancelled', statusLabel: '已取消' });
    const list = await ctx
      .http()
      .get('/api/me/orders')
      .set(...bearer(v.token));
    expect(list.body.items.map((o: MallOrderResponse) => o.id)).toEqual([placed.body.id]);
    const [other] = await createVolunteers(ctx, 1);
    expect(
      (
        await ctx
          .http()
          .get(`/api/me/orders/${placed.body.id}`)
          .set(...bearer(other.token))
      ).status,
    ).toBe(404);
  });

  it('the unpaid-order job cancels after 15 minutes, once across two runs', async () => {
    const p = await product({ stock: 5, cashFen: 100 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 50);
    const old = (await order(v, p.id)).body as MallOrderResponse;
    const fresh = (await order(v, p.id)).body as MallOrderResponse;
    await ctx.dataSource
      .getRepository(MallOrder)
      .update({ id: old.id }, { createdAt: new Date(testNowMs() - 15 * 60_000 - 1000) }); // the app's clock may trail by a few ms
    await ctx.dataSource
      .getRepository(MallOrder)
      .update({ id: fresh.id }, { createdAt: new Date(testNowMs() - 14 * 60_000) });
    const admin = (await ctx.loginStaff('admin')).accessToken;
    const run = () =>
      ctx
        .http()
        .post('/api/admin/jobs/mall-unpaid-cancel/run')
        .set(...bearer(admin));
    const first = await run();
    const second = await run();
    expect([first.body.result, second.body.result]).toEqual([{ cancelled: 1 }, { cancelled: 0 }]);
    const rows = await ctx.dataSource.getRepository(MallOrder).findBy({ productId: p.id });
    expect(rows.map((o) => [o.id, o.status]).sort()).toEqual(
      [
        [old.id, 'cancelled'],
        [fresh.id, 'pending_payment'],
      ].sort(),
    );
    expect([await balance(v), await stock(p.id)]).toEqual([40, 4]);
  });

  it('guards see what is on the shelf, affordable first, searched by name and category', async () => {
    const cheap = await product({ name: '雨衣（便宜）', category: '雨具', pointsPrice: 5 });
    const dear = await product({ name: '雨衣（贵）', category: '雨具', pointsPrice: 500 });
    const off = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(mall))
      .send({ name: '雨衣（未上架）', category: '雨具', pointsPrice: 1, stock: 1 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 10);
    const list = await ctx
      .http()
      .get('/api/mall/products')
      .query({ q: '雨衣', category: '雨具' })
      .set(...bearer(v.token));
    expect(list.body.items.map((x: MallProductResponse) => [x.id, x.affordable])).toEqual([
      [cheap.id, true],
      [dear.id, false],
    ]);
    expect(
      (
        await ctx
          .http()
          .get(`/api/mall/products/${off.body.id}`)
          .set(...bearer(v.token))
      ).status,
    ).toBe(404);
    expect((await order(v, off.body.id)).body.code).toBe('MALL_OFF_SHELF');
    const shown = await ctx
      .http()
      .get(`/api/mall/products/${cheap.id}`)
      .set(...bearer(v.token));
    expect(shown.body).toMatchObject({ name: '雨衣（便宜）', affordable: true });
  });

  it('stock adjustments are audited and never take stock below zero; PUT updates a subset of fields', async () => {
    const p = await product({ stock: 3 });
    const adjust = (delta: number) =>
      ctx
        .http()
        .post(`/api/admin/mall/products/${p.id}/stock`)
        .set(...bearer(mall))
        .send({ delta, reason: '盘点' });
    expect((await adjust(-4)).body.code).toBe('MALL_STOCK_NEGATIVE');
    expect((await adjust(-3)).body.stock).toBe(0);
    expect((await adjust(7)).body.stock).toBe(7);
    const put = await ctx
      .http()
      .put(`/api/admin/mall/products/${p.id}`)
      .set(...bearer(mall))
      .send({ pointsPrice: 12, description: '不锈钢' });
    expect(put.body).toMatchObject({ pointsPrice: 12, description: '不锈钢', name: '保温杯', stock: 7 });
    expect(
      (
        await ctx
          .http()
          .put(`/api/admin/mall/products/${p.id}`)
          .set(...bearer(mall))
          .send({ pointsPrice: 0 })
      ).status,
    ).toBe(400);
    const audit = await ctx.dataSource.query(
      "SELECT action FROM audit_logs WHERE targetType = 'mall_product' AND targetId = ? ORDER BY id",
      [String(p.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'mall.product.create',
      'mall.product.on_shelf',
      'mall.product.stock',
      'mall.product.stock',
      'mall.product.update',
    ]);
  });

  it('an operator of one branch gets 404 for another branch’s product; a guard cannot use operator routes', async () => {
    const ys = await ctx.org('MAS-YS');
    const hs = await ctx.org('MAS-HS');
    const mk = async (username: string, orgUnitId: number) => {
      const repo = ctx.dataSource.getRepository(User);
      const u = await repo.save(
        repo.create({
          openid: null,
          username,
          displayName: username,
          roles: ['mall_operator'],
          orgUnitId,
          status: 'active',
          failedLogins: 0,
          createdAt: testNow(),
          updatedAt: testNow(),
        }),
      );
      return (await mintLogins(ctx, [u.id])).get(u.id)!;
    };
    const ysOp = await mk(`mall-ys-${process.pid}`, ys.id);
    const hsOp = await mk(`mall-hs-${process.pid}`, hs.id);
    const p = await product({ name: '雨伞' }, hsOp);
    expect(p.orgUnitId).toBe(hs.id);
    const probes = [
      ctx
        .http()
        .put(`/api/admin/mall/products/${p.id}`)
        .set(...bearer(ysOp))
        .send({ name: 'x' }),
      ctx
        .http()
        .post(`/api/admin/mall/products/${p.id}/shelf`)
        .set(...bearer(ysOp))
        .send({ onShelf: false }),
      ctx
        .http()
        .post(`/api/admin/mall/products/${p.id}/stock`)
        .set(...bearer(ysOp))
        .send({ delta: 1, reason: '补货' }),
    ];
    expect((await Promise.all(probes)).map((r) => r.status)).toEqual([404, 404, 404]);
    const ysList = await ctx
      .http()
      .get('/api/admin/mall/products')
      .set(...bearer(ysOp));
    expect(ysList.body.items.map((x: MallProductResponse) => x.id)).not.toContain(p.id);
    const made = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(ysOp))
      .send({ name: 'x', category: 'y', pointsPrice: 1, stock: 1, orgUnitId: hs.id });
    expect(made.body.code).toBe('MALL_ORG_INVALID');
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 10);
    const o = (await order(v, p.id)).body as MallOrderResponse;
    const hsOrders = await ctx
      .http()
      .get('/api/admin/mall/orders')
      .query({ productId: p.id })
      .set(...bearer(hsOp));
    expect(hsOrders.body.items.map((x: MallOrderResponse) => x.id)).toEqual([o.id]);
    const ysOrders = await ctx
      .http()
      .get('/api/admin/mall/orders')
      .query({ productId: p.id })
      .set(...bearer(ysOp));
    expect(ysOrders.body.items).toEqual([]);
    expect(
      (
        await ctx
          .http()
          .get('/api/admin/mall/products')
          .set(...bearer(v.token))
      ).status,
    ).toBe(403);
    expect(
      (
        await ctx
          .http()
          .get('/api/admin/mall/orders')
          .set(...bearer(v.token))
      ).status,
    ).toBe(403);
  });

  it('a product picture is read by any signed-in user once attached, and refused without a sign-in', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    const up = await ctx
      .http()
      .post('/api/files')
      .set(...bearer(mall))
      .field('purpose', 'product_image')
      .attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(up.status).toBe(201);
    const [v] = await createVolunteers(ctx, 1);
    expect(
      (
        await ctx
          .http()
          .get(`/api/files/${up.body.id}`)
          .set(...bearer(v.token))
      ).status,
    ).toBe(404);
    const p = await product({ name: '手电筒', imageIds: [up.body.id] });
    expect(p.imageIds).toEqual([up.body.id]);
    expect(
      (
        await ctx
          .http()
          .get(`/api/files/${up.body.id}`)
          .set(...bearer(v.token))
      ).status,
    ).toBe(200);
    expect((await ctx.http().get(`/api/files/${up.body.id}`)).status).toBe(401);
    const again = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(mall))
      .send({ name: '重复图', category: 'x', pointsPrice: 1, stock: 1, imageIds: [up.body.id] });
    expect(again.body.code).toBe('MALL_IMAGE_INVALID');
  });
});
