import sharp from 'sharp';
import type { MallOrderResponse, MallPaymentStart, MallProductResponse } from '@jianghuai/shared';
import { MallOrder } from '../src/modules/mall/entities/mall-order.entity.js';
import { MallPayment } from '../src/modules/mall/entities/mall-payment.entity.js';
import { MallProduct } from '../src/modules/mall/entities/mall-product.entity.js';
import { MallRefund } from '../src/modules/mall/entities/mall-refund.entity.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { PointsLedgerEntry } from '../src/modules/points/entities/points-ledger-entry.entity.js';
import { PointsLot } from '../src/modules/points/entities/points-lot.entity.js';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { createVolunteers, mintLogins, type TestVolunteer } from './support/activity-factories.js';
import { testNow, testNowMs } from './support/test-clock.js';

/**
 * Hostile cases of the mall and points (docs/mall.md#refunds, #pickup; docs/points.md): a refund racing the
 * hand-over, totals and stock past the database's integers, impossible dates, every answer a 4xx in Chinese.
 */
describe('Points mall under hostile use', () => {
  let ctx: TestContext;
  let mall: string; // the city's mall operator
  let pinghu: string; // 平湖派出所 officer
  let city: string;
  let ph: { id: number; path: string };
  let seq = 0;
  const req = () => `hostile-${process.pid}-${++seq}-abcdef`;
  const sandbox = () => ctx.sandbox.pay;
  const http = () => ctx.http();
  const post = (url: string, token: string, body: object = {}) =>
    http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const get = (url: string, token: string) =>
    http()
      .get(url)
      .set(...bearer(token));

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
        idempotencyKey: `mall-hostile-credit:${v.userId}:${++seq}`,
        awardingOrgId: ph.id, // a lot of 平湖派出所's: redemptions take from it and refunds give back to it
        awardingOrgPath: ph.path,
        notify: false,
      }),
    );
  const balance = async (v: TestVolunteer) =>
    (await ctx.app.get(PointsLedgerService).balanceOf(v.userId))?.balance ?? 0;
  const ledgerSum = async (v: TestVolunteer) =>
    (await ctx.dataSource.getRepository(PointsLedgerEntry).findBy({ userId: v.userId })).reduce(
      (s, e) => s + e.amount,
      0,
    );
  const lotsLeft = async (v: TestVolunteer) =>
    (await ctx.dataSource.getRepository(PointsLot).findBy({ userId: v.userId })).reduce((n, l) => n + l.remaining, 0);
  const stock = async (id: number) => (await ctx.dataSource.getRepository(MallProduct).findOneByOrFail({ id })).stock;
  const orderRow = (id: number) => ctx.dataSource.getRepository(MallOrder).findOneByOrFail({ id });
  const product = async (over: Record<string, unknown> = {}): Promise<MallProductResponse> => {
    const res = await post('/api/admin/mall/products', mall, {
      name: '雨衣',
      category: '装备',
      pointsPrice: 10,
      cashFen: 1250,
      stock: 20,
      pickupStationIds: [ph.id],
      ...over,
    });
    expect(res.status).toBe(200);
    expect((await post(`/api/admin/mall/products/${res.body.id}/shelf`, mall, { onShelf: true })).status).toBe(200);
    return res.body as MallProductResponse;
  };
  /** A paid cash order at 平湖派出所, marked ready: its pickup code is live. */
  const readyCashOrder = async (p: MallProductResponse) => {
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const placed = await post('/api/mall/orders', v.token, {
      productId: p.id,
      quantity: 1,
      pickupStationId: ph.id,
      clientRequestId: req(),
    });
    expect(placed.status).toBe(200);
    const order = placed.body as MallOrderResponse;
    const { outTradeNo } = (await post(`/api/me/orders/${order.id}/pay`, v.token)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    expect((await post(`/api/admin/mall/orders/${order.id}/ready`, pinghu)).status).toBe(200);
    const code = (await get(`/api/me/orders/${order.id}`, v.token)).body.pickupCode as string;
    return { v, order, code };
  };

  /** Money, points and stock agree for one order: paid attempts minus refunds done = 1 only for an order kept. */
  const booksAgree = async (v: TestVolunteer, orderId: number) => {
    const row = await orderRow(orderId);
    const paid = await ctx.dataSource.getRepository(MallPayment).countBy({ orderId, state: 'paid' });
    const back = await ctx.dataSource.getRepository(MallRefund).countBy({ orderId, state: 'succeeded' });
    const kept = ['paid', 'ready', 'completed'].includes(row.status);
    expect([row.status, paid - back]).toEqual([row.status, kept ? 1 : 0]);
    expect(await ledgerSum(v)).toBe(await balance(v));
    expect(await balance(v)).toBe(kept ? 90 : 100);
    expect(await lotsLeft(v)).toBe(await balance(v));
    return row.status;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    city = (await ctx.loginStaff('city')).accessToken;
    ph = await ctx.org('MAS-YS-PH');
  });
  afterEach(async () => {
    await sandbox().settle();
    sandbox().drop = 0;
  });
  afterAll(() => ctx.close());

  it('a code cannot be handed over while its refund is processing: the item never leaves with the money back', async () => {
    const p = await product({ stock: 5 });
    const { v, order, code } = await readyCashOrder(p);
    sandbox().drop = 1; // WeChat Pay's refund notification is held back: the refund stays processing
    const refunded = await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: '商品缺货，退款' });
    expect(refunded.body).toMatchObject({ status: 'ready', refundStatus: 'processing' });
    const confirm = await post('/api/admin/mall/pickups/confirm', pinghu, { code });
    expect([confirm.status, confirm.body.code]).toEqual([409, 'MALL_PICKUP_REFUNDING']);
    expect(confirm.body.message).toMatch(/退款/);
    await new Promise((r) => setTimeout(r, 100));
    const n = sandbox().notifications.at(-1)!;
    expect(
      (await http().post('/api/pay/notify/refund').set(n.headers).set('content-type', 'application/json').send(n.body))
        .status,
    ).toBe(200);
    const row = await orderRow(order.id);
    expect([row.status, row.verifiedAt]).toEqual(['refunded', null]);
    expect([await balance(v), await ledgerSum(v), await stock(p.id)]).toEqual([100, 100, 5]);
  });

  it('refund and hand-over at once (cash and points-only): exactly one of them wins, the books match', async () => {
    for (const cashFen of [1250, 0, 1250, 0]) {
      const p = await product({ stock: 5, cashFen });
      const { v, order, code } =
        cashFen > 0
          ? await readyCashOrder(p)
          : await (async () => {
              const [g] = await createVolunteers(ctx, 1);
              await credit(g, 100);
              const o = (
                await post('/api/mall/orders', g.token, {
                  productId: p.id,
                  quantity: 1,
                  pickupStationId: ph.id,
                  clientRequestId: req(),
                })
              ).body as MallOrderResponse;
              await post(`/api/admin/mall/orders/${o.id}/ready`, pinghu).expect(200);
              return { v: g, order: o, code: (await get(`/api/me/orders/${o.id}`, g.token)).body.pickupCode as string };
            })();
      const [refund, confirm] = await Promise.all([
        post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: '商品缺货，退款' }),
        post('/api/admin/mall/pickups/confirm', pinghu, { code }),
      ]);
      await sandbox().settle();
      await new Promise((r) => setTimeout(r, 100));
      await sandbox().settle();
      const row = await orderRow(order.id);
      if (confirm.status === 200) {
        expect([refund.status, refund.body.code]).toEqual([409, 'MALL_REFUND_NOT_ALLOWED']);
        expect([row.status, await balance(v), await stock(p.id)]).toEqual(['completed', 90, 4]);
      } else {
        expect(refund.status).toBe(200);
        expect(['MALL_PICKUP_REFUNDING', 'MALL_ORDER_STATE_CHANGED']).toContain(confirm.body.code);
        expect([row.status, row.verifiedAt, await balance(v), await stock(p.id)]).toEqual(['refunded', null, 100, 5]);
      }
      expect([await ledgerSum(v), await lotsLeft(v)]).toEqual([await balance(v), await balance(v)]);
    }
  });

  it('a paid order with a refund processing is not marked ready', async () => {
    const p = await product();
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const order = (
      await post('/api/mall/orders', v.token, {
        productId: p.id,
        quantity: 1,
        pickupStationId: ph.id,
        clientRequestId: req(),
      })
    ).body as MallOrderResponse;
    const { outTradeNo } = (await post(`/api/me/orders/${order.id}/pay`, v.token)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    sandbox().drop = 1;
    await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: '商品缺货，退款' }).expect(200);
    const ready = await post(`/api/admin/mall/orders/${order.id}/ready`, pinghu);
    expect([ready.status, ready.body.code]).toEqual([409, 'MALL_ORDER_REFUNDING']);
    expect((await orderRow(order.id)).pickupCode).toBeNull();
  });

  it('totals past the database integers are refused in words, never a 500', async () => {
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 1000);
    const dear = await product({ pointsPrice: 1_000_000_000, cashFen: 0, pickupStationIds: [], delivery: true });
    const order = await post('/api/mall/orders', v.token, { productId: dear.id, quantity: 3, clientRequestId: req() });
    expect([order.status, order.body.code]).toEqual([409, 'MALL_POINTS_INSUFFICIENT']);
    const tooMuchCash = await post('/api/admin/mall/products', mall, {
      name: '金条',
      category: '贵重',
      pointsPrice: 1,
      cashFen: 10_000_001,
      stock: 5,
      delivery: true,
    });
    expect([tooMuchCash.status, tooMuchCash.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const cash = await product({
      pointsPrice: 1,
      cashFen: 10_000_000,
      stock: 200,
      pickupStationIds: [],
      delivery: true,
    });
    const big = await post('/api/mall/orders', v.token, { productId: cash.id, quantity: 100, clientRequestId: req() });
    expect([big.status, big.body.cashFenTotal]).toEqual([200, 1_000_000_000]);
    const s = await product({ stock: 1_000_000_000 });
    const more = await post(`/api/admin/mall/products/${s.id}/stock`, mall, { delta: 1, reason: '补货😀' });
    expect([more.status, more.body.code]).toEqual([409, 'MALL_STOCK_TOO_LARGE']);
    expect(more.body.message).toMatch(/库存/);
    expect(await stock(s.id)).toBe(1_000_000_000);
    const less = await post(`/api/admin/mall/products/${s.id}/stock`, mall, { delta: -1, reason: '盘点' });
    expect([less.status, less.body.stock]).toEqual([200, 999_999_999]);
  });

  it('impossible dates are refused in Chinese: mall list, export, statistics and points issued', async () => {
    for (const q of ['from=2026-02-30', 'to=2026-13-45', 'from=2026-02-29', 'to=0000-00-00']) {
      for (const [url, token] of [
        ['/api/admin/mall/orders', mall],
        ['/api/admin/mall/orders/export', mall],
        ['/api/admin/mall/stats', mall],
        ['/api/admin/points/issued', city],
      ] as const) {
        const res = await get(`${url}?${q}`, token);
        expect([url, q, res.status, res.body.code]).toEqual([url, q, 400, 'VALIDATION_FAILED']);
        expect(res.body.message).toMatch(/^字段 (from|to)：[^A-Za-z]+$/);
      }
    }
    const wide = await get('/api/admin/points/issued?from=2000-01-01&to=2099-12-31', city);
    expect(wide.status).toBe(200);
  });

  it('pictures of a product off the shelf, or no longer shown, are the operators’ only: a guard and another branch read 404', async () => {
    const jpeg = (bg: string) =>
      sharp({ create: { width: 32, height: 32, channels: 3, background: bg } })
        .jpeg()
        .toBuffer();
    const upload = async (bg: string) =>
      (
        await http()
          .post('/api/files')
          .set(...bearer(mall))
          .field('purpose', 'product_image')
          .attach('file', await jpeg(bg), { filename: 'p.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body.id as string;
    const [first, second] = [await upload('#a36'), await upload('#36a')];
    const draft = await post('/api/admin/mall/products', mall, {
      name: '新品冲锋衣',
      category: '装备',
      pointsPrice: 10,
      stock: 5,
      delivery: true,
      imageIds: [first],
    });
    expect(draft.body.onShelf).toBe(false);
    const ys = await ctx.org('MAS-YS');
    const repo = ctx.dataSource.getRepository(User);
    const u = await repo.save(
      repo.create({
        openid: null,
        username: `mall-hostile-ys-${process.pid}`,
        displayName: '雨山运营',
        roles: ['mall_operator'],
        orgUnitId: ys.id,
        status: 'active',
        failedLogins: 0,
        createdAt: testNow(),
        updatedAt: testNow(),
      }),
    );
    const ysOp = (await mintLogins(ctx, [u.id])).get(u.id)!;
    const [v] = await createVolunteers(ctx, 1);
    const read = async (id: string) =>
      Promise.all([mall, v.token, pinghu, ysOp].map(async (t) => (await get(`/api/files/${id}`, t)).status));
    expect(await read(first)).toEqual([200, 404, 404, 404]); // not yet released
    await post(`/api/admin/mall/products/${draft.body.id}/shelf`, mall, { onShelf: true }).expect(200);
    expect(await read(first)).toEqual([200, 200, 200, 200]);
    await http()
      .put(`/api/admin/mall/products/${draft.body.id}`)
      .set(...bearer(mall))
      .send({ imageIds: [second] })
      .expect(200);
    expect(await read(first)).toEqual([200, 404, 404, 404]); // replaced: no longer shown
    expect(await read(second)).toEqual([200, 200, 200, 200]);
    await post(`/api/admin/mall/products/${draft.body.id}/shelf`, mall, { onShelf: false }).expect(200);
    expect(await read(second)).toEqual([200, 404, 404, 404]); // withdrawn
  });

  it('payment notifications that do not verify change nothing: missing headers, a re-encoded body, another kind', async () => {
    const p = await product();
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const order = (
      await post('/api/mall/orders', v.token, {
        productId: p.id,
        quantity: 1,
        pickupStationId: ph.id,
        clientRequestId: req(),
      })
    ).body as MallOrderResponse;
    const { outTradeNo } = (await post(`/api/me/orders/${order.id}/pay`, v.token)).body as MallPaymentStart;
    sandbox().drop = 1; // WeChat Pay took the money; we post its notification ourselves
    await sandbox().markPaid(outTradeNo);
    const n = sandbox().notifications.at(-1)!;
    const send = (kind: string, headers: Record<string, string>, body: string) =>
      http().post(`/api/pay/notify/${kind}`).set(headers).set('content-type', 'application/json').send(body);
    const refused: number[] = [];
    for (const h of Object.keys(n.headers).filter((k) => k.startsWith('wechatpay-'))) {
      const { [h]: _gone, ...rest } = n.headers;
      refused.push((await send('transaction', rest, n.body)).status);
    }
    refused.push((await send('transaction', n.headers, JSON.stringify(JSON.parse(n.body), null, 1))).status);
    refused.push((await send('transaction', n.headers, `${n.body} `)).status);
    refused.push((await send('refund', n.headers, n.body)).status); // a payment posted as a refund
    refused.push((await send('transaction', { ...n.headers, 'wechatpay-timestamp': '1e3' }, n.body)).status);
    expect(refused).toEqual(Array(refused.length).fill(401));
    expect(refused.length).toBeGreaterThanOrEqual(8);
    expect((await orderRow(order.id)).status).toBe('pending_payment');
    expect((await send('transaction', n.headers, n.body)).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('pay, the unpaid job, the guard’s cancel and payment-check at once: money, points and stock agree every time', async () => {
    const admin = (await ctx.loginStaff('admin')).accessToken;
    const p = await product({ stock: 10, pickupStationIds: [], delivery: true });
    const seen: string[] = [];
    for (let round = 0; round < 4; round++) {
      const [v] = await createVolunteers(ctx, 1);
      await credit(v, 100);
      const order = (await post('/api/mall/orders', v.token, { productId: p.id, quantity: 1, clientRequestId: req() }))
        .body as MallOrderResponse;
      const { outTradeNo } = (await post(`/api/me/orders/${order.id}/pay`, v.token)).body as MallPaymentStart;
      await ctx.dataSource
        .getRepository(MallOrder)
        .update({ id: order.id }, { createdAt: new Date(testNowMs() - 16 * 60_000) });
      const answers = await Promise.all([
        post('/api/admin/jobs/mall-unpaid-cancel/run', admin),
        post(`/api/me/orders/${order.id}/cancel`, v.token),
        sandbox()
          .markPaid(outTradeNo)
          .then(() => ({ status: 200 }))
          .catch(() => ({ status: 0 })), // closed first: the payer could not pay
        post(`/api/me/orders/${order.id}/payment-check`, v.token),
      ]);
      expect(answers.map((a) => a.status).filter((x) => x >= 500)).toEqual([]);
      for (let i = 0; i < 3; i++) {
        await sandbox().settle();
        await new Promise((r) => setTimeout(r, 150)); // an automatic refund turns SUCCESS, then notifies
      }
      seen.push(await booksAgree(v, order.id));
    }
    expect(await stock(p.id)).toBe(10 - seen.filter((x) => x === 'paid').length);
  });

  it('two refunds of one paid cash order at once: one refund asked of WeChat Pay, points and stock back once', async () => {
    const p = await product({ stock: 3 });
    const { v, order } = await readyCashOrder(p);
    const res = await Promise.all(
      [1, 2, 3].map(() => post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: '重复点击退款' })),
    );
    expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (let i = 0; i < 3; i++) {
      await sandbox().settle();
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(await ctx.dataSource.getRepository(MallRefund).countBy({ orderId: order.id })).toBe(1);
    expect(await booksAgree(v, order.id)).toBe('refunded');
    expect(await stock(p.id)).toBe(3);
    const again = await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: '再次退款' });
    expect([again.status, again.body.code]).toEqual([409, 'MALL_REFUND_NOT_ALLOWED']);
  });

  it('scope: another guard, another station, a company manager and the guard on staff routes get 404 or 403, never data', async () => {
    const p = await product({ stock: 5 });
    const { v, order, code } = await readyCashOrder(p);
    const [other] = await createVolunteers(ctx, 1);
    const company = (await ctx.loginStaff('company')).accessToken;
    const yushan = (await ctx.loginStaff('yushan_station')).accessToken;
    const id = order.id;
    const guard = await Promise.all([
      get(`/api/me/orders/${id}`, other.token),
      post(`/api/me/orders/${id}/cancel`, other.token),
      post(`/api/me/orders/${id}/pay`, other.token),
      post(`/api/me/orders/${id}/payment-check`, other.token),
    ]);
    expect(guard.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(JSON.stringify(guard.map((r) => r.body))).not.toContain(code);
    const staff = async (token: string) =>
      (
        await Promise.all([
          get(`/api/admin/mall/orders/${id}`, token),
          post(`/api/admin/mall/orders/${id}/ready`, token),
          post('/api/admin/mall/pickups/lookup', token, { code }),
          post('/api/admin/mall/pickups/confirm', token, { code }),
          post(`/api/admin/mall/orders/${id}/refund`, token, { reason: '越权退款' }),
          get('/api/admin/mall/orders/export', token),
          get('/api/admin/mall/stats', token),
        ])
      ).map((r) => r.status);
    expect(await staff(yushan)).toEqual([404, 404, 404, 404, 403, 403, 403]); // another station
    expect(await staff(company)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await staff(v.token)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const list = await get('/api/admin/mall/orders', yushan);
    expect(list.body.items.map((o: MallOrderResponse) => o.id)).not.toContain(id);
    const row = await orderRow(id);
    expect([row.status, row.refundStatus, row.verifiedAt]).toEqual(['ready', null, null]);
  });

  it('an emoji at the 20th character of a product name or reason is never cut in half in the WeChat template', async () => {
    const name = `${'长'.repeat(19)}🎁礼盒`;
    const p = await product({ name, cashFen: 0 });
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const order = (
      await post('/api/mall/orders', v.token, {
        productId: p.id,
        quantity: 1,
        pickupStationId: ph.id,
        clientRequestId: req(),
      })
    ).body as MallOrderResponse;
    await post(`/api/admin/mall/orders/${order.id}/ready`, pinghu).expect(200);
    const reason = `${'因'.repeat(19)}😀其余说明`;
    await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason }).expect(200);
    const sent = await ctx.dataSource.getRepository(Notification).findBy({ userId: v.userId });
    const fields = sent.flatMap((n) => Object.values((n.data ?? {}) as Record<string, string>));
    expect(fields).toContain(`${'长'.repeat(19)}🎁`);
    expect(fields).toContain(`${'因'.repeat(19)}😀`);
    for (const f of fields)
      expect(f).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('texts counted as MariaDB counts them: ❤️ is two characters, so a name or reason that would overflow is a 400', async () => {
    const heart = '❤️';
    const made = await post('/api/admin/mall/products', mall, {
      name: heart.repeat(31),
      category: heart.repeat(16),
      pointsPrice: 1,
      stock: 1,
      delivery: true,
    });
    expect([made.status, made.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const p = await product({ name: heart.repeat(30), category: heart.repeat(15), cashFen: 0 });
    expect(p.name).toBe(heart.repeat(30));
    const stock = await post(`/api/admin/mall/products/${p.id}/stock`, mall, { delta: 1, reason: heart.repeat(101) });
    expect([stock.status, stock.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const order = (
      await post('/api/mall/orders', v.token, {
        productId: p.id,
        quantity: 1,
        pickupStationId: ph.id,
        clientRequestId: req(),
      })
    ).body as MallOrderResponse;
    const long = await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: heart.repeat(51) });
    expect([long.status, long.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ok = await post(`/api/admin/mall/orders/${order.id}/refund`, mall, { reason: heart.repeat(50) });
    expect([ok.status, ok.body.refundReason]).toEqual([200, heart.repeat(50)]);
    const adjust = await post('/api/admin/points/adjustments', city, {
      volunteerId: v.volunteerId,
      amount: 5,
      reason: heart.repeat(51),
    });
    expect([adjust.status, adjust.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
