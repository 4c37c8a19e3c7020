import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import type { MallOrderResponse, MallPaymentStart, MallProductResponse } from '@jianghuai/shared';
import { MallOrder } from '../src/modules/mall/entities/mall-order.entity.js';
import { MallPayment } from '../src/modules/mall/entities/mall-payment.entity.js';
import { MallProduct } from '../src/modules/mall/entities/mall-product.entity.js';
import { MallRefund } from '../src/modules/mall/entities/mall-refund.entity.js';
import { MallTradeBill } from '../src/modules/mall/mall-reconcile-bill.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { PointsLedgerEntry } from '../src/modules/points/entities/points-ledger-entry.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import type { SignedNotification } from '../src/wechat-sandbox/pay-sandbox.js';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { createVolunteers, mintLogins, type TestVolunteer } from './support/activity-factories.js';
import { testNow, testNowMs, testToday } from './support/test-clock.js';

/** Paying the mall's cash part with WeChat Pay and refunds (docs/mall.md#payment, #refunds), over the pay sandbox. */
describe('Points mall payments and refunds', () => {
  let ctx: TestContext;
  let mall: string; // the city's mall operator
  let admin: string;
  let seq = 0;
  const req = () => `pay-${process.pid}-${++seq}-abcdef`;
  const sandbox = () => ctx.sandbox.pay;

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
        idempotencyKey: `mall-pay-test-credit:${v.userId}:${++seq}`,
        awardingOrgId: null,
        awardingOrgPath: null,
        notify: false,
      }),
    );
  const balance = async (v: TestVolunteer) =>
    (await ctx.app.get(PointsLedgerService).balanceOf(v.userId))?.balance ?? 0;
  const stock = async (id: number) => (await ctx.dataSource.getRepository(MallProduct).findOneByOrFail({ id })).stock;
  const orderRow = (id: number) => ctx.dataSource.getRepository(MallOrder).findOneByOrFail({ id });
  const attempts = (orderId: number) =>
    ctx.dataSource.getRepository(MallPayment).find({ where: { orderId }, order: { attempt: 'ASC' } });
  const refunds = (orderId: number) =>
    ctx.dataSource.getRepository(MallRefund).find({ where: { orderId }, order: { id: 'ASC' } });
  const messages = (userId: number, template: string) =>
    ctx.dataSource.getRepository(Notification).find({ where: { userId, template }, order: { id: 'ASC' } });
  const refundEntries = (orderId: number) =>
    ctx.dataSource
      .getRepository(PointsLedgerEntry)
      .countBy({ sourceType: 'mall_order', sourceId: String(orderId), type: 'refund' });

  const product = async (over: Record<string, unknown> = {}, token = mall): Promise<MallProductResponse> => {
    const res = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(token))
      .send({ name: '雨衣', category: '装备', pointsPrice: 10, cashFen: 1250, stock: 20, ...over });
    expect(res.status).toBe(200);
    const on = await ctx
      .http()
      .post(`/api/admin/mall/products/${res.body.id}/shelf`)
      .set(...bearer(token))
      .send({ onShelf: true });
    return on.body as MallProductResponse;
  };
  /** A volunteer with points and a placed order of `p` (pending_payment when it has a cash part). */
  const placed = async (p: MallProductResponse, quantity = 1) => {
    const [v] = await createVolunteers(ctx, 1);
    await credit(v, 100);
    const res = await ctx
      .http()
      .post('/api/mall/orders')
      .set(...bearer(v.token))
      .send({ productId: p.id, quantity, clientRequestId: req() });
    expect(res.status).toBe(200);
    return { v, order: res.body as MallOrderResponse };
  };
  const payOrder = (v: TestVolunteer, id: number) =>
    ctx
      .http()
      .post(`/api/me/orders/${id}/pay`)
      .set(...bearer(v.token));
  const check = (v: TestVolunteer, id: number) =>
    ctx
      .http()
      .post(`/api/me/orders/${id}/payment-check`)
      .set(...bearer(v.token));
  const refund = (id: number, reason = '商品缺货，退款', token = mall) =>
    ctx
      .http()
      .post(`/api/admin/mall/orders/${id}/refund`)
      .set(...bearer(token))
      .send({ reason });
  const runJob = (name: string) =>
    ctx
      .http()
      .post(`/api/admin/jobs/${name}/run`)
      .set(...bearer(admin));
  const post = (kind: 'transaction' | 'refund', n: SignedNotification) =>
    ctx.http().post(`/api/pay/notify/${kind}`).set(n.headers).set('content-type', 'application/json').send(n.body);
  /** A genuine signed payment notification as WeChat Pay would send it for the sandbox order now. */
  const paidNotification = (outTradeNo: string, over: Record<string, unknown> = {}) =>
    sandbox().buildNotification(
      'http://jh-e2e.test/api/pay/notify/transaction',
      'TRANSACTION.SUCCESS',
      'transaction',
      '支付成功',
      { ...publicTx(outTradeNo), ...over },
    );
  const publicTx = (outTradeNo: string) => {
    const { prepayId: _p, notifyUrl: _n, ...tx } = sandbox().transactions.get(outTradeNo)!;
    return tx;
  };
  /** Paid at the sandbox with its notification dropped (WeChat Pay took the money; nothing reached us). */
  const paidSilently = async (outTradeNo: string) => {
    sandbox().drop = 1;
    await sandbox().markPaid(outTradeNo);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
    admin = (await ctx.loginStaff('admin')).accessToken;
  });
  afterEach(async () => {
    await sandbox().settle();
    sandbox().drop = 0;
    sandbox().duplicate = 1;
    sandbox().reorder = false;
    sandbox().apiFailures = 0;
  });
  afterAll(() => ctx.close());

  it('pay answers requestPayment parameters signed with the merchant key; a repeat resumes the same attempt', async () => {
    const p = await product({ cashFen: 1250 });
    const { v, order } = await placed(p, 2);
    expect(order.status).toBe('pending_payment');
    const res = await payOrder(v, order.id);
    expect(res.status).toBe(200);
    const start = res.body as MallPaymentStart;
    expect(start.outTradeNo).toMatch(/^JH\d{8}-01$/);
    const { appId, timeStamp, nonceStr, package: pkg, paySign, signType } = start.payment;
    expect([appId, signType]).toEqual([ctx.config.payments.appId, 'RSA']);
    const verify = createVerify('RSA-SHA256').update(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
    expect(verify.verify(sandbox().keys.merchantPublicKey, paySign, 'base64')).toBe(true);
    const user = await ctx.dataSource.getRepository(User).findOneByOrFail({ id: v.userId });
    expect(sandbox().transactions.get(start.outTradeNo)).toMatchObject({
      trade_state: 'NOTPAY',
      amount: { total: 2500 },
      payer: { openid: user.openid },
    });
    const again = (await payOrder(v, order.id)).body as MallPaymentStart;
    expect([again.outTradeNo, again.payment.package]).toEqual([start.outTradeNo, pkg]);
    expect(await attempts(order.id)).toHaveLength(1);
    // someone else's order is 404; a points-only order (paid at once) is not payable
    const [other] = await createVolunteers(ctx, 1);
    expect((await payOrder(other, order.id)).status).toBe(404);
    const pointsOnly = await placed(await product({ cashFen: 0 }));
    const refused = await payOrder(pointsOnly.v, pointsOnly.order.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'MALL_ORDER_NOT_PAYABLE']);
  });

  it('the payer pays: the notification marks the order paid once, with paidAt and a message; paying again is refused', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    const row = await orderRow(order.id);
    expect([row.status, row.paidAt !== null]).toEqual(['paid', true]);
    const [attempt] = await attempts(order.id);
    expect(attempt).toMatchObject({
      state: 'paid',
      transactionId: sandbox().transactions.get(outTradeNo)!.transaction_id,
    });
    const msgs = await messages(v.userId, 'mall_paid');
    expect(msgs).toHaveLength(1);
    expect(msgs[0].page).toBe(`mall/order/index?id=${order.id}`);
    const mine = await ctx
      .http()
      .get(`/api/me/orders/${order.id}`)
      .set(...bearer(v.token));
    expect(mine.body).toMatchObject({ status: 'paid', paidAt: row.paidAt!.toISOString(), refundStatus: null });
    expect((await payOrder(v, order.id)).body.code).toBe('MALL_ORDER_NOT_PAYABLE');
  });

  it('the same notification posted 20 times at once marks paid once and sends one message', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await paidSilently(outTradeNo);
    const n = paidNotification(outTradeNo);
    const res = await Promise.all(Array.from({ length: 20 }, () => post('transaction', n)));
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect((await orderRow(order.id)).status).toBe('paid');
    expect(await messages(v.userId, 'mall_paid')).toHaveLength(1);
    expect(await refunds(order.id)).toEqual([]);
  });

  it('a forged notification is refused (401) and a genuine one with another amount changes nothing', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await paidSilently(outTradeNo);
    const forged = paidNotification(outTradeNo);
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    forged.headers['wechatpay-signature'] = createSign('RSA-SHA256')
      .update(`${forged.headers['wechatpay-timestamp']}\n${forged.headers['wechatpay-nonce']}\n${forged.body}\n`)
      .sign(forger, 'base64');
    expect((await post('transaction', forged)).status).toBe(401);
    const tx = publicTx(outTradeNo);
    const cheaper = paidNotification(outTradeNo, { amount: { ...tx.amount, total: 1, payer_total: 1 } });
    expect((await post('transaction', cheaper)).status).toBe(200);
    const otherMerchant = paidNotification(outTradeNo, { mchid: '1900009999' });
    expect((await post('transaction', otherMerchant)).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('pending_payment');
    expect((await attempts(order.id))[0].state).toBe('prepaid');
    // the genuine notification still does it
    expect((await post('transaction', paidNotification(outTradeNo))).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('a lost notification: the reconcile job finds the payment by query after 2 minutes', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await paidSilently(outTradeNo);
    const young = await runJob('mall-pay-reconcile');
    expect(young.body.result).toMatchObject({ paid: 0 });
    await ctx.dataSource
      .getRepository(MallPayment)
      .update({ outTradeNo }, { createdAt: new Date(testNowMs() - 3 * 60_000) });
    const res = await runJob('mall-pay-reconcile');
    expect(res.body.result).toMatchObject({ paid: 1 });
    expect((await orderRow(order.id)).status).toBe('paid');
    expect((await runJob('mall-pay-reconcile')).body.result).toEqual({ checked: 0, paid: 0 });
    expect(await messages(v.userId, 'mall_paid')).toHaveLength(1);
  });

  it('payment-check asks WeChat Pay and marks paid; before paying it answers the order unchanged', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    const early = await check(v, order.id);
    expect([early.status, early.body.status]).toEqual([200, 'pending_payment']);
    await paidSilently(outTradeNo);
    const res = await check(v, order.id);
    expect([res.status, res.body.status]).toEqual([200, 'paid']);
    const [other] = await createVolunteers(ctx, 1);
    expect((await check(other, order.id)).status).toBe(404);
  });

  it('after a closed prepay a retry gets a new merchant order number', async () => {
    const { v, order } = await placed(await product());
    const first = (await payOrder(v, order.id)).body as MallPaymentStart;
    sandbox().transactions.get(first.outTradeNo)!.trade_state = 'CLOSED'; // expired at WeChat Pay
    const second = (await payOrder(v, order.id)).body as MallPaymentStart;
    expect(second.outTradeNo).toMatch(/-02$/);
    expect((await attempts(order.id)).map((a) => [a.outTradeNo, a.state])).toEqual([
      [first.outTradeNo, 'closed'],
      [second.outTradeNo, 'prepaid'],
    ]);
    await sandbox().markPaid(second.outTradeNo);
    await sandbox().settle();
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('the unpaid job asks first: a paid order is marked paid, an unpaid one is closed at WeChat Pay and cancelled', async () => {
    const p = await product();
    const paid = await placed(p);
    const unpaid = await placed(p);
    const paidNo = ((await payOrder(paid.v, paid.order.id)).body as MallPaymentStart).outTradeNo;
    const unpaidNo = ((await payOrder(unpaid.v, unpaid.order.id)).body as MallPaymentStart).outTradeNo;
    await paidSilently(paidNo);
    const old = new Date(testNowMs() - 16 * 60_000);
    await ctx.dataSource.getRepository(MallOrder).update([paid.order.id, unpaid.order.id], { createdAt: old });
    const res = await runJob('mall-unpaid-cancel');
    expect(res.body.result).toMatchObject({ cancelled: 1, paid: 1 });
    expect((await orderRow(paid.order.id)).status).toBe('paid');
    expect((await orderRow(unpaid.order.id)).status).toBe('cancelled');
    expect(sandbox().transactions.get(unpaidNo)!.trade_state).toBe('CLOSED');
    expect((await attempts(unpaid.order.id))[0].state).toBe('closed');
  });

  it('WeChat Pay busy: pay and payment-check answer 503 in Chinese, the unpaid job waits a run, never a 500', async () => {
    const { v, order } = await placed(await product());
    sandbox().apiFailures = 1;
    const busy = await payOrder(v, order.id);
    expect([busy.status, busy.body.code, busy.body.message]).toEqual([
      503,
      'MALL_PAYMENT_UNAVAILABLE',
      '微信支付暂时不可用，请稍后再试',
    ]);
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    expect(outTradeNo).toMatch(/-01$/); // the same attempt, now at WeChat Pay
    sandbox().apiFailures = 1;
    expect((await check(v, order.id)).status).toBe(503);
    sandbox().apiFailures = 1;
    const cancel = await ctx
      .http()
      .post(`/api/me/orders/${order.id}/cancel`)
      .set(...bearer(v.token));
    expect([cancel.status, cancel.body.code]).toEqual([503, 'MALL_PAYMENT_UNAVAILABLE']);
    await ctx.dataSource
      .getRepository(MallOrder)
      .update({ id: order.id }, { createdAt: new Date(testNowMs() - 16 * 60_000) });
    sandbox().apiFailures = 1;
    expect((await runJob('mall-unpaid-cancel')).body.result).toEqual({ cancelled: 0 });
    expect((await orderRow(order.id)).status).toBe('pending_payment');
    expect((await runJob('mall-unpaid-cancel')).body.result).toEqual({ cancelled: 1 });
    expect(sandbox().transactions.get(outTradeNo)!.trade_state).toBe('CLOSED');
  });

  it('the guard cancels an unpaid order: the prepay is closed first; one paid meanwhile is not cancelled', async () => {
    const p = await product({ stock: 3 });
    const open = await placed(p);
    const openNo = ((await payOrder(open.v, open.order.id)).body as MallPaymentStart).outTradeNo;
    const cancel = (v: TestVolunteer, id: number) =>
      ctx
        .http()
        .post(`/api/me/orders/${id}/cancel`)
        .set(...bearer(v.token));
    expect((await cancel(open.v, open.order.id)).body.status).toBe('cancelled');
    expect(sandbox().transactions.get(openNo)!.trade_state).toBe('CLOSED');
    const paid = await placed(p);
    await paidSilently(((await payOrder(paid.v, paid.order.id)).body as MallPaymentStart).outTradeNo);
    const refused = await cancel(paid.v, paid.order.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'MALL_ORDER_STATE_CHANGED']);
    expect((await orderRow(paid.order.id)).status).toBe('paid');
    expect(await stock(p.id)).toBe(2);
  });

  it('money arriving after the unpaid job cancelled the order is refunded automatically; the order stays cancelled', async () => {
    const p = await product({ stock: 5 });
    const { v, order } = await placed(p);
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await ctx.dataSource
      .getRepository(MallOrder)
      .update({ id: order.id }, { createdAt: new Date(testNowMs() - 16 * 60_000) });
    expect((await runJob('mall-unpaid-cancel')).body.result).toEqual({ cancelled: 1 });
    const afterCancel = { points: await balance(v), stock: await stock(p.id) };
    expect(afterCancel).toEqual({ points: 100, stock: 5 });
    // WeChat Pay took the payment all the same (the payer confirmed as it closed) and tells us late
    sandbox().transactions.get(outTradeNo)!.trade_state = 'NOTPAY';
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    await new Promise((r) => setTimeout(r, 100)); // the sandbox's refund turns SUCCESS, then notifies
    await sandbox().settle();
    const row = await orderRow(order.id);
    expect([row.status, row.refundStatus]).toEqual(['cancelled', 'succeeded']);
    const [r] = await refunds(order.id);
    expect(r).toMatchObject({ kind: 'automatic', state: 'succeeded', amountFen: 1250, outTradeNo });
    expect(sandbox().refunds.get(r.outRefundNo)).toMatchObject({ status: 'SUCCESS', amount: { refund: 1250 } });
    expect({ points: await balance(v), stock: await stock(p.id) }).toEqual(afterCancel);
    expect(await refundEntries(order.id)).toBe(1); // the cancellation's, not a second one
    expect(await messages(v.userId, 'mall_refunded')).toHaveLength(1);
  });

  it('operator refund of a points-only order: refunded at once, points and stock back once, audited', async () => {
    const p = await product({ cashFen: 0, stock: 3 });
    const { v, order } = await placed(p);
    expect([order.status, await balance(v), await stock(p.id)]).toEqual(['paid', 90, 2]);
    const tooShort = await refund(order.id, '缺');
    expect([tooShort.status, tooShort.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const res = await Promise.all([refund(order.id), refund(order.id)]);
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.code).toBe('MALL_REFUND_NOT_ALLOWED');
    const ok = res.find((r) => r.status === 200)!.body as MallOrderResponse;
    expect(ok).toMatchObject({ status: 'refunded', refundStatus: 'succeeded', refundReason: '商品缺货，退款' });
    expect([await balance(v), await stock(p.id), await refundEntries(order.id)]).toEqual([100, 3, 1]);
    const audit = await ctx.dataSource.query(
      "SELECT action, after FROM audit_logs WHERE targetType = 'mall_order' AND targetId = ?",
      [String(order.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('mall.order.refund');
    expect(String(audit[0].after)).toContain('商品缺货，退款');
    expect(await messages(v.userId, 'mall_refunded')).toHaveLength(1);
  });

  it('operator refund of a cash order: processing until WeChat Pay says SUCCESS; 20 replays give points back once', async () => {
    const p = await product({ stock: 4 });
    const { v, order } = await placed(p);
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    sandbox().drop = 1; // the refund notification is held back: we post it ourselves
    const res = await refund(order.id);
    expect(res.body).toMatchObject({ status: 'paid', refundStatus: 'processing', refundReason: '商品缺货，退款' });
    expect((await refund(order.id)).body.code).toBe('MALL_REFUND_NOT_ALLOWED');
    expect([await balance(v), await stock(p.id)]).toEqual([90, 3]);
    await new Promise((r) => setTimeout(r, 100));
    const [r] = await refunds(order.id);
    expect(r).toMatchObject({ kind: 'operator', state: 'processing', amountFen: 1250 });
    const n = sandbox().notifications.at(-1)!;
    expect(JSON.parse(n.body).event_type).toBe('REFUND.SUCCESS');
    const replies = await Promise.all(Array.from({ length: 20 }, () => post('refund', n)));
    expect(replies.map((x) => x.status)).toEqual(Array(20).fill(200));
    const row = await orderRow(order.id);
    expect([row.status, row.refundStatus]).toEqual(['refunded', 'succeeded']);
    expect([await balance(v), await stock(p.id), await refundEntries(order.id)]).toEqual([100, 4, 1]);
    expect(await messages(v.userId, 'mall_refunded')).toHaveLength(1);
    // the payment notification again (out of order, late) never moves the refunded order back
    expect((await post('transaction', paidNotification(outTradeNo))).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe('refunded');
  });

  it('out of order: the refund notification before the payment notification; a completed order stays completed', async () => {
    const { v, order } = await placed(await product());
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    sandbox().reorder = true;
    await sandbox().markPaid(outTradeNo);
    expect((await check(v, order.id)).body.status).toBe('paid'); // by query; the notification is held
    await refund(order.id);
    await new Promise((r) => setTimeout(r, 100)); // the refund notification is held too
    sandbox().flush(); // newest first: the refund, then the payment
    await sandbox().settle();
    const row = await orderRow(order.id);
    expect([row.status, row.refundStatus]).toEqual(['refunded', 'succeeded']);
    expect(await refundEntries(order.id)).toBe(1);

    const done = await placed(await product());
    const doneNo = ((await payOrder(done.v, done.order.id)).body as MallPaymentStart).outTradeNo;
    await sandbox().markPaid(doneNo);
    await sandbox().settle();
    await ctx.dataSource.getRepository(MallOrder).update({ id: done.order.id }, { status: 'completed' });
    expect((await post('transaction', paidNotification(doneNo))).status).toBe(200);
    expect((await orderRow(done.order.id)).status).toBe('completed');
    expect((await refund(done.order.id)).body.code).toBe('MALL_REFUND_NOT_ALLOWED');
  });

  it('a refund under way holds the item: the pickup code is refused until the refund ends', async () => {
    const p = await product({ stock: 2 });
    const { v, order } = await placed(p);
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    const ready = await ctx
      .http()
      .post(`/api/admin/mall/orders/${order.id}/ready`)
      .set(...bearer(mall));
    expect(ready.body.status).toBe('ready');
    sandbox().drop = 1; // the refund's notification is held back: the refund stays processing
    expect((await refund(order.id)).body.refundStatus).toBe('processing');
    const code = (await orderRow(order.id)).pickupCode as string;
    const confirm = await ctx
      .http()
      .post('/api/admin/mall/pickups/confirm')
      .set(...bearer(mall))
      .send({ code });
    expect([confirm.status, confirm.body.code]).toEqual([409, 'MALL_PICKUP_REFUNDING']);
    expect((await orderRow(order.id)).status).toBe('ready');
    // the sandbox makes the refund's notification after its refund delay: wait for it, then deliver it ourselves
    const refundNotice = async () => {
      for (let i = 0; i < 100; i++) {
        const n = sandbox().notifications.at(-1);
        if (n && JSON.parse(n.body).event_type === 'REFUND.SUCCESS') return n;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the sandbox made no refund notification');
    };
    await post('refund', await refundNotice());
    const row = await orderRow(order.id);
    expect([row.status, row.refundStatus, await balance(v), await stock(p.id)]).toEqual([
      'refunded',
      'succeeded',
      100,
      2,
    ]);
  });

  it('a lost refund notification: the refund-query job completes the refund once', async () => {
    const p = await product({ stock: 2 });
    const { v, order } = await placed(p);
    const { outTradeNo } = (await payOrder(v, order.id)).body as MallPaymentStart;
    await sandbox().markPaid(outTradeNo);
    await sandbox().settle();
    sandbox().drop = 1;
    await refund(order.id);
    await new Promise((r) => setTimeout(r, 100));
    expect((await orderRow(order.id)).refundStatus).toBe('processing');
    await ctx.dataSource
      .getRepository(MallRefund)
      .update({ orderId: order.id }, { createdAt: new Date(testNowMs() - 2 * 60_000) });
    expect((await runJob('mall-refund-query')).body.result).toEqual({ checked: 1, refunded: 1 });
    expect((await runJob('mall-refund-query')).body.result).toEqual({ checked: 0, refunded: 0 });
    expect([(await orderRow(order.id)).status, await balance(v), await stock(p.id)]).toEqual(['refunded', 100, 2]);
  });

  it('scope: another branch’s operator gets 404 for the refund, a guard 403', async () => {
    const { v, order } = await placed(await product({ cashFen: 0 }));
    const ys = await ctx.org('MAS-YS');
    const repo = ctx.dataSource.getRepository(User);
    const u = await repo.save(
      repo.create({
        openid: null,
        username: `mall-pay-ys-${process.pid}`,
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
    expect((await refund(order.id, '商品缺货，退款', ysOp)).status).toBe(404);
    expect((await refund(order.id, '商品缺货，退款', v.token)).status).toBe(403);
    expect((await refund(999_999)).status).toBe(404);
    expect((await orderRow(order.id)).status).toBe('paid');
  });

  it('the trade bill: differences with the mall’s payments reach the product unit’s mall operators', async () => {
    const p = await product();
    const agreed = await placed(p);
    const lost = await placed(p);
    const changed = await placed(p);
    const nos: string[] = [];
    for (const o of [agreed, lost, changed])
      nos.push(((await payOrder(o.v, o.order.id)).body as MallPaymentStart).outTradeNo);
    await sandbox().markPaid(nos[0]);
    await paidSilently(nos[1]); // paid at WeChat Pay, not here
    await sandbox().markPaid(nos[2]);
    await sandbox().settle();
    await ctx.dataSource.getRepository(MallPayment).update({ outTradeNo: nos[2] }, { amountFen: 999 });
    const operator = await ctx.dataSource.getRepository(User).findOneByOrFail({ username: 'mall' });
    const before = (await messages(operator.id, 'mall_bill_mismatch')).length;
    const result = await ctx.app.get(MallTradeBill).run(testToday());
    expect(result.billRows).toBeGreaterThanOrEqual(3);
    const mine = (await ctx.app.get(MallTradeBill).compare(testToday(), [])).filter((m) => nos.includes(m.outTradeNo));
    expect(mine.map((m) => m.outTradeNo).sort()).toEqual([nos[0], nos[2]].sort()); // paid here, not in an empty bill
    const sent = (await messages(operator.id, 'mall_bill_mismatch')).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain(`${nos[1]}）：账单中已付款，商城未记为已付`);
    expect(sent[0].body).toContain(`${nos[2]}）：金额不一致：账单 ¥12.50，商城 ¥9.99`);
    expect(sent[0].body).not.toContain(nos[0]);
    // the scheduled run compares yesterday's bill
    const job = await runJob('mall-trade-bill');
    expect([job.status, Object.keys(job.body.result).sort()]).toEqual([200, ['billRows', 'mismatches']]);
  });
});
