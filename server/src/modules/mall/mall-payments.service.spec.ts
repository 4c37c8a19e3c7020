import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification } from '../../../test/unit/rows.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallRefund } from './entities/mall-refund.entity.js';
import { MallPaymentsService } from './mall-payments.service.js';
import { clearTables, clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitLedger, unitMallOrders } from '../../../test/unit/factories-mall.js';
import { FakeWechatPay, unitMallPayments } from '../../../test/unit/factories-mall-payments.js';

describe(MallPaymentsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let pay: FakeWechatPay;
  let n = 0;
  // 23:30 on 30 November in Shanghai
  const at = '2026-11-30T15:30:00Z';
  const sut = (iso = at) => unitMallPayments(ds, clockAt(iso), pay).payments;
  const product = (over: Partial<MallProduct> = {}) =>
    ds.getRepository(MallProduct).save(
      ds.getRepository(MallProduct).create({
        name: '雨衣',
        category: '装备',
        description: '',
        imageIds: [],
        pointsPrice: 10,
        cashFen: 500,
        stock: 5,
        perPersonLimit: null,
        onShelf: true,
        pickupStationIds: [],
        delivery: true,
        orgUnitId: org.branchA.id,
        orgPath: org.branchA.path,
        createdByUserId: 1,
        createdAt: new Date(at),
        updatedAt: new Date(at),
        ...over,
      }),
    );
  const placed = async (over: Partial<MallProduct> = {}) => {
    const p = await product(over);
    return unitMallOrders(ds, clockAt(at), pay).place(guard, {
      productId: p.id,
      quantity: 1,
      clientRequestId: `unit-pay-${++n}`,
    });
  };
  const orderOf = (id: number) => ds.getRepository(MallOrder).findOneByOrFail({ id });
  const attempts = (orderId: number) =>
    ds.getRepository(MallPayment).find({ where: { orderId }, order: { attempt: 'ASC' } });

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    pay = new FakeWechatPay();
    org = await orgTree(ds, new Date(at));
    const u = await createUser(ds, new Date(at));
    guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], roles: [], isStaff: false };
    await ds.transaction((m) =>
      unitLedger(ds, clockAt(at)).post(m, {
        userId: u.id,
        volunteerId: null,
        type: 'commendation',
        amount: 100,
        sourceType: 'test',
        sourceId: '1',
        description: '表彰',
        idempotencyKey: `credit-${++n}`,
        awardingOrgId: null,
        awardingOrgPath: null,
        notify: false,
      }),
    );
  });
  afterAll(() => ds.destroy());

  it('start prepays with the payer’s openid, the cash total and the 15-minute deadline; a repeat resumes it', async () => {
    const o = await placed();
    const first = await sut().start(guard, o.id);
    expect(first).toMatchObject({ orderId: o.id, outTradeNo: `JH${String(o.id).padStart(8, '0')}-01` });
    expect(first.payment.package).toBe(`prepay_id=wxprepay${first.outTradeNo}`);
    const user = await ds.query('SELECT openid FROM users WHERE id = ?', [guard.userId]);
    expect(pay.trades.get(first.outTradeNo)).toMatchObject({ amount: { total: 500 }, payer: user[0] });
    expect((await sut().start(guard, o.id)).outTradeNo).toBe(first.outTradeNo);
    expect(await attempts(o.id)).toHaveLength(1);
  });

  it('refuses what cannot be paid: not pending, past the deadline, someone else’s, no openid; WeChat down → 503', async () => {
    const pointsOnly = await placed({ cashFen: 0 });
    expect(await code(sut().start(guard, pointsOnly.id))).toBe('MALL_ORDER_NOT_PAYABLE');
    const o = await placed();
    expect(await code(sut('2026-11-30T15:45:01Z').start(guard, o.id))).toBe('MALL_ORDER_NOT_PAYABLE');
    expect(await code(sut().start({ ...guard, userId: guard.userId + 1000 }, o.id))).toBe('NOT_FOUND');
    pay.failNext = 'transient';
    expect(await code(sut().start(guard, o.id))).toBe('MALL_PAYMENT_UNAVAILABLE');
    await ds.query('UPDATE users SET openid = NULL WHERE id = ?', [guard.userId]);
    expect(await code(sut().start(guard, o.id))).toBe('MALL_PAYER_UNKNOWN');
  });

  it('a closed prepay (by WeChat Pay) is noticed on the next start, which makes a new attempt', async () => {
    const o = await placed();
    const first = await sut().start(guard, o.id);
    pay.trades.get(first.outTradeNo)!.trade_state = 'CLOSED';
    const second = await sut().start(guard, o.id);
    expect(second.outTradeNo).toMatch(/-02$/);
    expect((await attempts(o.id)).map((a) => a.state)).toEqual(['closed', 'prepaid']);
  });

  it('SUCCESS marks the attempt and the order paid once with one message; a mismatch or an unknown number changes nothing', async () => {
    const o = await placed();
    const { outTradeNo } = await sut().start(guard, o.id);
    const tx = pay.pay(outTradeNo);
    expect(await sut().apply({ ...tx, amount: { total: 1 } }, 'notification')).toBe('ignored');
    expect(await sut().apply({ ...tx, mchid: 'other' }, 'notification')).toBe('ignored');
    expect(await sut().apply({ ...tx, out_trade_no: 'JH99999999-01' }, 'notification')).toBe('ignored');
    expect((await orderOf(o.id)).status).toBe('pending_payment');
    expect(await sut().apply(tx, 'notification')).toBe('paid');
    expect(await sut().apply(tx, 'query')).toBe('paid');
    const row = await orderOf(o.id);
    expect(row.status).toBe('paid');
    // the unit clock runs on from its start: paid within a moment of 23:30 Shanghai
    expect(row.paidAt!.getTime() - Date.parse(at)).toBeGreaterThanOrEqual(0);
    expect(row.paidAt!.getTime() - Date.parse(at)).toBeLessThan(5_000);
    expect((await attempts(o.id))[0]).toMatchObject({ state: 'paid', transactionId: tx.transaction_id });
    expect(await ds.getRepository(Notification).countBy({ userId: guard.userId, template: 'mall_paid' })).toBe(1);
  });

  it('before cancelling: a paid order is marked paid, an open one closed at WeChat Pay; no answer → wait', async () => {
    const paid = await placed();
    pay.pay((await sut().start(guard, paid.id)).outTradeNo);
    expect(await sut().settleBeforeCancel(await orderOf(paid.id))).toBe('paid');
    expect((await orderOf(paid.id)).status).toBe('paid');
    const open = await placed();
    const { outTradeNo } = await sut().start(guard, open.id);
    pay.failNext = 'transient';
    expect(await sut().settleBeforeCancel(await orderOf(open.id))).toBe('wait');
    expect(await sut().settleBeforeCancel(await orderOf(open.id))).toBe('cancel');
    expect(pay.trades.get(outTradeNo)!.trade_state).toBe('CLOSED');
    expect((await attempts(open.id))[0].state).toBe('closed');
  });

  it('money for an order already cancelled is refunded in full automatically, once; the order stays cancelled', async () => {
    const o = await placed();
    const { outTradeNo } = await sut().start(guard, o.id);
    await ds.getRepository(MallOrder).update({ id: o.id }, { status: 'cancelled' });
    const tx = pay.pay(outTradeNo);
    expect(await sut().apply(tx, 'notification')).toBe('paid');
    expect(await sut().apply(tx, 'notification')).toBe('paid');
    const refunds = await ds.getRepository(MallRefund).findBy({ orderId: o.id });
    expect(refunds.map((r) => [r.kind, r.amountFen, r.outRefundNo, r.state])).toEqual([
      ['automatic', 500, `RA${outTradeNo}`, 'processing'],
    ]);
    expect(pay.calls.filter((c) => c.startsWith('refund '))).toEqual([`refund RA${outTradeNo}`]);
    expect(await orderOf(o.id)).toMatchObject({ status: 'cancelled', refundStatus: 'processing' });
  });
});
