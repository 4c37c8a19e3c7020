import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog, Notification, PointsLedgerEntry } from '../../../test/unit/rows.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallRefund } from './entities/mall-refund.entity.js';
import { MallRefundsService } from './mall-refunds.service.js';
import { clearTables, clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitLedger, unitMallOrders } from '../../../test/unit/factories-mall.js';
import { FakeWechatPay, unitMallPayments } from '../../../test/unit/factories-mall-payments.js';

describe(MallRefundsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let operator: Actor;
  let pay: FakeWechatPay;
  let n = 0;
  // 23:30 on 30 November in Shanghai
  const at = '2026-11-30T15:30:00Z';
  const services = (iso = at) => unitMallPayments(ds, clockAt(iso), pay);
  const sut = (iso = at) => services(iso).refunds;
  const balance = async () => (await unitLedger(ds, clockAt(at)).balanceOf(guard.userId))?.balance ?? 0;
  const stockOf = async (id: number) => (await ds.getRepository(MallProduct).findOneByOrFail({ id })).stock;
  const orderOf = (id: number) => ds.getRepository(MallOrder).findOneByOrFail({ id });
  const refundEntries = (orderId: number) =>
    ds
      .getRepository(PointsLedgerEntry)
      .countBy({ sourceType: 'mall_order', sourceId: String(orderId), type: 'refund' });
  const placed = async (cashFen: number) => {
    const p = await ds.getRepository(MallProduct).save(
      ds.getRepository(MallProduct).create({
        name: '雨衣',
        category: '装备',
        description: '',
        imageIds: [],
        pointsPrice: 10,
        cashFen,
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
      }),
    );
    const o = await unitMallOrders(ds, clockAt(at), pay).place(guard, {
      productId: p.id,
      quantity: 1,
      clientRequestId: `unit-refund-${++n}`,
    });
    if (cashFen > 0) {
      const { outTradeNo } = await services().payments.start(guard, o.id);
      await services().payments.apply(pay.pay(outTradeNo), 'notification');
    }
    return { p, o: await orderOf(o.id) };
  };

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    pay = new FakeWechatPay();
    org = await orgTree(ds, new Date(at));
    const u = await createUser(ds, new Date(at));
    guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], roles: [], isStaff: false };
    operator = staffActor('mall_operator', org.branchA, (await createUser(ds, new Date(at))).id);
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

  it('a points-only order is refunded at once: points, stock back once, audited with the reason, the guard told', async () => {
    const { p, o } = await placed(0);
    const res = await sut().refund(operator, o.id, '商品质量问题');
    expect(res).toMatchObject({ status: 'refunded', refundStatus: 'succeeded', refundReason: '商品质量问题' });
    expect([await balance(), await stockOf(p.id), await refundEntries(o.id)]).toEqual([100, 5, 1]);
    expect(await code(sut().refund(operator, o.id, '再退一次'))).toBe('MALL_REFUND_NOT_ALLOWED');
    const audit = await ds.getRepository(AuditLog).findBy({ action: 'mall.order.refund', targetId: String(o.id) });
    expect(audit).toHaveLength(1);
    expect(await ds.getRepository(Notification).countBy({ userId: guard.userId, template: 'mall_refunded' })).toBe(1);
  });

  it('out of scope is 404; cancelled, pending and completed orders are not refundable', async () => {
    const { o } = await placed(0);
    const other = staffActor('mall_operator', org.branchB, operator.userId);
    expect(await code(sut().refund(other, o.id, '不该看到'))).toBe('NOT_FOUND');
    for (const status of ['cancelled', 'pending_payment', 'completed'] as const) {
      await ds.getRepository(MallOrder).update({ id: o.id }, { status });
      expect(await code(sut().refund(operator, o.id, '商品质量问题'))).toBe('MALL_REFUND_NOT_ALLOWED');
    }
  });

  it('a cash order stays processing until WeChat Pay says SUCCESS; a replayed SUCCESS returns points once', async () => {
    const { p, o } = await placed(500);
    const res = await sut().refund(operator, o.id, '缺货');
    expect(res).toMatchObject({ status: 'paid', refundStatus: 'processing' });
    const [row] = await ds.getRepository(MallRefund).findBy({ orderId: o.id });
    expect(row).toMatchObject({
      kind: 'operator',
      amountFen: 500,
      state: 'processing',
      requestedByUserId: operator.userId,
    });
    expect([await balance(), await stockOf(p.id)]).toEqual([90, 4]);
    const done = pay.refundSucceeds(row.outRefundNo);
    expect(await sut().applyRefund(done)).toBe('succeeded');
    expect(await sut().applyRefund(done)).toBe('succeeded');
    expect(await orderOf(o.id)).toMatchObject({ status: 'refunded', refundStatus: 'succeeded' });
    expect([await balance(), await stockOf(p.id), await refundEntries(o.id)]).toEqual([100, 5, 1]);
    expect(await sut().applyRefund({ ...done, amount: { refund: 1, total: 500 } })).toBe('ignored');
  });

  it('a refund WeChat Pay closes fails and may be asked for again with a new number', async () => {
    const { o } = await placed(500);
    await sut().refund(operator, o.id, '缺货');
    const [first] = await ds.getRepository(MallRefund).findBy({ orderId: o.id });
    expect(await sut().applyRefund({ ...pay.refunds.get(first.outRefundNo)!, status: 'CLOSED' })).toBe('failed');
    expect((await orderOf(o.id)).refundStatus).toBe('failed');
    await sut().refund(operator, o.id, '缺货');
    const rows = await ds.getRepository(MallRefund).find({ where: { orderId: o.id }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.outRefundNo.slice(-2), r.state])).toEqual([
      ['-1', 'failed'],
      ['-2', 'processing'],
    ]);
  });

  it('the query job completes refunds processing for a minute, and resubmits one WeChat Pay never received', async () => {
    const { o } = await placed(500);
    pay.failNext = 'transient'; // the refund call is lost
    await sut().refund(operator, o.id, '缺货');
    expect(await sut('2026-11-30T15:30:30Z').queryProcessing()).toEqual({ checked: 0, refunded: 0 });
    expect(await sut('2026-11-30T15:31:30Z').queryProcessing()).toEqual({ checked: 1, refunded: 0 });
    const [row] = await ds.getRepository(MallRefund).findBy({ orderId: o.id });
    expect(pay.refunds.has(row.outRefundNo)).toBe(true); // resubmitted after not_found
    pay.refundSucceeds(row.outRefundNo);
    expect(await sut('2026-11-30T15:32:30Z').queryProcessing()).toEqual({ checked: 1, refunded: 1 });
    expect((await orderOf(o.id)).status).toBe('refunded');
  });
});
