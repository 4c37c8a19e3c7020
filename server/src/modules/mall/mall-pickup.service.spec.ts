import type { DataSource } from 'typeorm';
import { MALL_PICKUP_QR_PREFIX } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { PICKUP_MISS_LIMIT } from './mall-pickup-misses.js';
import { MallPickupService, newPickupCode, pickupCodeOf } from './mall-pickup.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitMallOps } from '../../../test/unit/factories-mall-pickup.js';
import { AuditLog, Notification } from '../../../test/unit/rows.js';

describe(MallPickupService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guardId: number;
  let stationA: Actor; // the officer of the pickup station
  let stationB: Actor;
  let operatorA: Actor;
  let operatorB: Actor;
  // 23:30 on 30 November in Shanghai
  const at = '2026-11-30T15:30:00Z';
  const sut = () => unitMallOps(ds, clockAt(at)).pickup;
  let productId: number;
  const order = async (over: Partial<MallOrder> = {}) =>
    ds.getRepository(MallOrder).save(
      ds.getRepository(MallOrder).create({
        userId: guardId,
        clientRequestId: `unit-${Math.random()}`,
        productId,
        productName: '保温杯',
        quantity: 1,
        pointsTotal: 10,
        cashFenTotal: 0,
        status: 'paid',
        pickupStationId: org.stationA.id,
        orgPath: org.branchA.path,
        createdAt: new Date(at),
        cancelledAt: null,
        ...over,
      }),
    );
  const codeOf = async (id: number) => (await ds.getRepository(MallOrder).findOneByOrFail({ id })).pickupCode!;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, new Date(at));
    const guard = await createUser(ds, new Date(at), { displayName: '李四' });
    await createVolunteer(ds, new Date(at), guard, org.stationA, { name: '欧阳娜娜' });
    guardId = guard.id;
    const officerA = await createStaffUser(ds, new Date(at), 'station_officer', org.stationA, {
      displayName: '王所长',
    });
    stationA = staffActor('station_officer', org.stationA, officerA.id);
    stationB = staffActor('station_officer', org.stationB, 9001);
    operatorA = staffActor('mall_operator', org.branchA, 9002);
    operatorB = staffActor('mall_operator', org.branchB, 9003);
    productId = (
      await ds.getRepository(MallProduct).save(
        ds.getRepository(MallProduct).create({
          name: '保温杯',
          category: '生活用品',
          description: '',
          imageIds: [],
          pointsPrice: 10,
          cashFen: 0,
          stock: 5,
          perPersonLimit: null,
          onShelf: true,
          pickupStationIds: [org.stationA.id],
          delivery: false,
          orgUnitId: org.branchA.id,
          orgPath: org.branchA.path,
          createdByUserId: 1,
          createdAt: new Date(at),
          updatedAt: new Date(at),
        }),
      )
    ).id;
  });
  afterAll(() => ds.destroy());

  it('codes are 8 digits; the QR text and spaces around it give the same digits', () => {
    const codes = new Set(Array.from({ length: 200 }, newPickupCode));
    expect([...codes].every((c) => /^\d{8}$/.test(c))).toBe(true);
    expect(codes.size).toBeGreaterThan(195);
    expect(pickupCodeOf(` ${MALL_PICKUP_QR_PREFIX}01234567 `)).toBe('01234567');
    expect(pickupCodeOf('01234567')).toBe('01234567');
  });

  it('ready: paid → ready once, with a code, an audit row and a message to the guard; out of reach is 404', async () => {
    const o = await order();
    expect(await code(sut().ready(stationB, o.id))).toBe('NOT_FOUND');
    expect(await code(sut().ready(operatorB, o.id))).toBe('NOT_FOUND');
    const done = await sut().ready(stationA, o.id);
    expect(done).toMatchObject({ status: 'ready', volunteerName: '欧***' });
    expect(done.readyAt?.slice(0, 16)).toBe('2026-11-30T15:30');
    expect(await codeOf(o.id)).toMatch(/^\d{8}$/);
    expect(await code(sut().ready(operatorA, o.id))).toBe('MALL_ORDER_NOT_PAID');
    const msg = await ds
      .getRepository(Notification)
      .findOneByOrFail({ userId: guardId, page: `mall/order/index?id=${o.id}` });
    expect([msg.title, msg.template]).toEqual(['可以领取了', 'order_status']);
    expect(msg.body).toContain(org.stationA.name);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'mall.order.ready', targetId: String(o.id) })).toBe(1);
  });

  it('a code drawn twice is drawn again: the unique index keeps codes apart', async () => {
    const first = await order();
    const second = await order();
    const s = sut();
    s.drawCode = () => '11112222';
    await s.ready(stationA, first.id);
    const draws = ['11112222', '11112222', '33334444'];
    s.drawCode = () => draws.shift()!;
    await s.ready(stationA, second.id);
    expect([await codeOf(first.id), await codeOf(second.id)]).toEqual(['11112222', '33334444']);
    expect(draws).toEqual([]);
    expect(await ds.getRepository(Notification).countBy({ page: `mall/order/index?id=${second.id}` })).toBe(1);
  });

  it('an unpaid order cannot be made ready', async () => {
    const o = await order({ status: 'pending_payment' });
    expect(await code(sut().ready(operatorA, o.id))).toBe('MALL_ORDER_NOT_PAID');
  });

  it('confirm once; then MALL_PICKUP_USED names the Shanghai minute and the officer', async () => {
    const o = await order();
    await sut().ready(operatorA, o.id);
    const c = await codeOf(o.id);
    expect(await sut().lookup(stationA, `${MALL_PICKUP_QR_PREFIX}${c}`)).toMatchObject({
      orderId: o.id,
      status: 'ready',
      volunteerName: '欧***',
      pickupStationName: org.stationA.name,
      usedAt: null,
    });
    const done = await sut().confirm(stationA, c);
    expect(done).toMatchObject({ status: 'completed', usedByName: '王所长' });
    expect(done.usedAt?.slice(0, 16)).toBe('2026-11-30T15:30');
    const again = await sut()
      .confirm(operatorA, c)
      .catch((e: { code: string; message: string; details: unknown }) => e);
    expect(again).toMatchObject({
      code: 'MALL_PICKUP_USED',
      message: '这个领取码已于 2026-11-30 23:30 由 王所长 核销，不能再次领取',
      details: { usedAtText: '2026-11-30 23:30', usedByName: '王所长' },
    });
    expect(await ds.getRepository(AuditLog).countBy({ action: 'mall.order.pickup', targetId: String(o.id) })).toBe(1);
    expect(
      await ds.getRepository(Notification).countBy({ userId: guardId, title: '兑换物品已领取' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('a refunded order’s code cannot be confirmed', async () => {
    const o = await order();
    await sut().ready(stationA, o.id);
    await ds.getRepository(MallOrder).update({ id: o.id }, { status: 'refunded' });
    expect(await code(sut().confirm(stationA, await codeOf(o.id)))).toBe('MALL_ORDER_STATE_CHANGED');
  });

  it('another station or branch reads a real code as unknown; misses are braked per member of staff', async () => {
    const o = await order();
    await sut().ready(stationA, o.id);
    const c = await codeOf(o.id);
    const s = sut();
    expect(await code(s.lookup(stationB, c))).toBe('MALL_PICKUP_NOT_FOUND');
    expect(await code(s.confirm(operatorB, c))).toBe('MALL_PICKUP_NOT_FOUND');
    for (let i = 1; i < PICKUP_MISS_LIMIT; i++) expect(await code(s.lookup(stationB, '00000000'))).not.toBe('ok');
    expect(await code(s.lookup(stationB, c))).toBe('MALL_PICKUP_TOO_MANY');
    expect(await code(s.lookup(stationA, c))).toBe('ok');
  });
});
