import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification, User } from '../../../test/unit/rows.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallPayReconcile } from './mall-reconcile.js';
import { MallTradeBill } from './mall-reconcile-bill.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitLedger, unitMallOrders } from '../../../test/unit/factories-mall.js';
import { FakeWechatPay, unitMallPayments } from '../../../test/unit/factories-mall-payments.js';

/** A WeChat Pay bill line (bill_type ALL) for one payment: backtick-prefixed fields, yuan. */
const billLine = (outTradeNo: string, yuan: string) =>
  [
    '2026-11-29 10:00:00',
    'wx',
    '1900000001',
    '0',
    '',
    '4200001',
    outTradeNo,
    'openid',
    'JSAPI',
    'SUCCESS',
    'OTHERS',
    'CNY',
    yuan,
    '0.00',
    '0',
    '0',
    '0.00',
    '0.00',
    '',
    '',
    '雨衣',
    '',
    '0.00000',
    '0.60%',
    yuan,
    '0.00',
    '',
  ]
    .map((f) => `\`${f}`)
    .join(',');

describe(`${MallPayReconcile.name} and ${MallTradeBill.name}`, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let pay: FakeWechatPay;
  let n = 0;
  // 23:30 on 30 November in Shanghai: "yesterday" is 29 November
  const at = '2026-11-30T15:30:00Z';
  const services = (iso = at) => unitMallPayments(ds, clockAt(iso), pay);
  /** An order of a product of branch A with an open payment attempt made at `iso`. */
  const attempt = async (iso = at) => {
    const p = await ds.getRepository(MallProduct).save(
      ds.getRepository(MallProduct).create({
        name: '雨衣',
        category: '装备',
        description: '',
        imageIds: [],
        pointsPrice: 1,
        cashFen: 1250,
        stock: 5,
        perPersonLimit: null,
        onShelf: true,
        pickupStationIds: [],
        delivery: true,
        orgUnitId: org.branchA.id,
        orgPath: org.branchA.path,
        createdByUserId: 1,
        createdAt: new Date(iso),
        updatedAt: new Date(iso),
      }),
    );
    const o = await unitMallOrders(ds, clockAt(iso), pay).place(guard, {
      productId: p.id,
      quantity: 1,
      clientRequestId: `unit-rec-${++n}`,
    });
    const { outTradeNo } = await services(iso).payments.start(guard, o.id);
    return { orderId: o.id, outTradeNo };
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

  it('the reconcile job asks about attempts open for 2 minutes and marks the paid ones paid, once', async () => {
    const a = await attempt('2026-11-30T15:27:00Z');
    const young = await attempt('2026-11-30T15:29:00Z');
    pay.pay(a.outTradeNo);
    pay.pay(young.outTradeNo);
    expect(await services().reconcile.run()).toEqual({ checked: 1, paid: 1 });
    expect(await services().reconcile.run()).toEqual({ checked: 0, paid: 0 });
    const statuses = await ds.getRepository(MallOrder).find({ order: { id: 'ASC' } });
    expect(statuses.map((o) => o.status)).toEqual(['paid', 'pending_payment']);
    pay.failNext = 'transient';
    expect(await services('2026-11-30T15:40:00Z').reconcile.run()).toEqual({ checked: 1, paid: 0 });
  });

  it('the trade bill: paid there not here, amounts that differ, paid here not there; the unit’s operators are told', async () => {
    const op = await createUser(ds, new Date(at), { roles: ['mall_operator'], orgUnitId: org.branchA.id });
    const agreed = await attempt('2026-11-29T03:00:00Z');
    const lostHere = await attempt('2026-11-29T03:00:00Z');
    const differs = await attempt('2026-11-29T03:00:00Z');
    const missing = await attempt('2026-11-29T03:00:00Z');
    for (const a of [agreed, differs, missing])
      await services('2026-11-29T03:01:00Z').payments.apply(pay.pay(a.outTradeNo), 'notification');
    pay.bill = [
      '交易时间,…',
      billLine(agreed.outTradeNo, '12.50'),
      billLine(lostHere.outTradeNo, '12.50'),
      billLine(differs.outTradeNo, '12.00'),
      billLine('JH77777777-01', '1.00'),
      '总交易单数,…',
      '`4,`38.00,`0.00,`0.00,`0.00000,`38.00,`0.00',
    ].join('\r\n');
    // 07:30 on 1 December in Shanghai: 30 November's bill is not out before 10:00
    expect(await services('2026-11-30T23:30:00Z').tradeBill.runDue()).toEqual({ billRows: 0, mismatches: 0 });
    expect(pay.calls.filter((c) => c.startsWith('tradeBill'))).toEqual([]);
    expect(await services().tradeBill.runDue()).toEqual({ billRows: 4, mismatches: 4 });
    expect(pay.calls).toContain('tradeBill 2026-11-29');
    // once reported, the hourly runs of the day leave it alone
    expect(await services('2026-11-30T15:40:00Z').tradeBill.runDue()).toEqual({ billRows: 0, mismatches: 0 });
    expect(await ds.getRepository(Notification).countBy({ userId: op.id, template: 'mall_bill_mismatch' })).toBe(1);
    const [msg] = await ds.getRepository(Notification).findBy({ userId: op.id, template: 'mall_bill_mismatch' });
    expect(msg.body).toContain(`${lostHere.outTradeNo}）：账单中已付款，商城未记为已付`);
    expect(msg.body).toContain(`${differs.outTradeNo}）：金额不一致：账单 ¥12.00，商城 ¥12.50`);
    expect(msg.body).toContain(`${missing.outTradeNo}）：商城记为已付，账单中没有这笔付款`);
    expect(msg.body).not.toContain(agreed.outTradeNo);
    expect(await ds.getRepository(User).countBy({ id: op.id })).toBe(1);
    expect(await ds.getRepository(MallPayment).countBy({ state: 'paid' })).toBe(3);
  });

  it('a bill whose SHA-1 does not match is not compared', async () => {
    pay.bill = 'x';
    const bill = services().tradeBill;
    pay.tradeBill = async () => ({ hash_type: 'SHA1', hash_value: '00', download_url: 'u' });
    await expect(bill.runDue()).rejects.toThrow(/SHA-1/);
  });
});
