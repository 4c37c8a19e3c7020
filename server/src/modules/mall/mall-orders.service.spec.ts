import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallOrdersService } from './mall-orders.service.js';
import { clearTables, clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitLedger, unitMallOrders } from '../../../test/unit/factories-mall.js';

describe(MallOrdersService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let n = 0;
  // 23:30 on 30 November in Shanghai
  const at = '2026-11-30T15:30:00Z';
  const sut = (iso = at) => unitMallOrders(ds, clockAt(iso));
  const credit = (userId: number, amount: number) =>
    ds.transaction((m) =>
      unitLedger(ds, clockAt(at)).post(m, {
        userId,
        volunteerId: null,
        type: 'commendation',
        amount,
        sourceType: 'test',
        sourceId: '1',
        description: '表彰',
        idempotencyKey: `credit-${++n}`,
        awardingOrgId: null,
        awardingOrgPath: null,
        notify: false,
      }),
    );
  const balance = async (userId: number) => (await unitLedger(ds, clockAt(at)).balanceOf(userId))?.balance ?? 0;
  const product = (over: Partial<MallProduct> = {}) =>
    ds.getRepository(MallProduct).save(
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
  const place = (productId: number, over: Record<string, unknown> = {}, s = sut()) =>
    s.place(guard, { productId, quantity: 1, clientRequestId: `unit-req-${++n}`, ...over });
  const stockOf = async (id: number) => (await ds.getRepository(MallProduct).findOneByOrFail({ id })).stock;

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    org = await orgTree(ds, new Date(at));
    const u = await createUser(ds, new Date(at));
    guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], roles: [], isStaff: false };
    await credit(u.id, 30);
  });
  afterAll(() => ds.destroy());

  it('a points-only order is paid at once and debits points and stock; a repeated request finds the same order', async () => {
    const p = await product();
    const first = await place(p.id, { clientRequestId: 'unit-same-1', quantity: 2 });
    const again = await place(p.id, { clientRequestId: 'unit-same-1', quantity: 2 });
    expect(first).toMatchObject({ status: 'paid', pointsTotal: 20, quantity: 2 });
    expect(again.id).toBe(first.id);
    expect([await balance(guard.userId), await stockOf(p.id)]).toEqual([10, 3]);
  });

  it('refuses what it cannot hold: out of stock, off shelf, over the limit, not enough points, a wrong station', async () => {
    const p = await product({ stock: 1, perPersonLimit: 1, pickupStationIds: [org.stationA.id], delivery: false });
    expect(await code(place(p.id, { quantity: 2, pickupStationId: org.stationA.id }))).toBe('MALL_LIMIT_REACHED');
    expect(await code(place(p.id))).toBe('MALL_PICKUP_INVALID');
    expect(await code(place(p.id, { pickupStationId: org.stationB.id }))).toBe('MALL_PICKUP_INVALID');
    expect(await code(place(p.id, { pickupStationId: org.stationA.id }))).toBe('ok');
    expect(await code(place(p.id, { pickupStationId: org.stationA.id }))).toBe('MALL_OUT_OF_STOCK');
    const off = await product({ onShelf: false });
    expect(await code(place(off.id))).toBe('MALL_OFF_SHELF');
    const dear = await product({ pointsPrice: 100 });
    expect(await code(place(dear.id))).toBe('MALL_POINTS_INSUFFICIENT');
    expect(await stockOf(dear.id)).toBe(5); // the refused order took nothing
    expect(await code(place(999_999))).toBe('NOT_FOUND');
  });

  it('a product sold out as read is refused before any transaction; one sold out after the read, by the stock update', async () => {
    const p = await product({ stock: 0 });
    // the same database, counting the transactions opened; `read` is the stock the product read before them reports
    let opened = 0;
    let read: number | null = null;
    const counted = Object.create(ds) as DataSource;
    counted.transaction = ((work: never) => (opened++, ds.transaction(work))) as DataSource['transaction'];
    counted.getRepository = ((target: never) => {
      const repo = ds.getRepository(target);
      if (target !== MallProduct || read === null) return repo;
      const stock = read;
      return { findOneBy: async (w: never) => ({ ...(await repo.findOneBy(w)), stock }) };
    }) as DataSource['getRepository'];
    const s = unitMallOrders(counted, clockAt(at));
    expect(await code(place(p.id, {}, s))).toBe('MALL_OUT_OF_STOCK');
    expect(opened).toBe(0);
    read = 1; // the last unit, as read a moment before someone else took it
    expect(await code(place(p.id, {}, s))).toBe('MALL_OUT_OF_STOCK');
    expect(opened).toBe(1);
    expect([await stockOf(p.id), await ds.getRepository(MallOrder).count(), await balance(guard.userId)]).toEqual([
      0, 0, 30,
    ]);
  });

  it('a cash order waits for payment; the guard cancels it once, stock, limit and points come back', async () => {
    const p = await product({ cashFen: 500, perPersonLimit: 1 });
    const o = await place(p.id);
    expect(o).toMatchObject({ status: 'pending_payment', cashFenTotal: 500 });
    expect((await sut().cancelMine(guard, o.id)).status).toBe('cancelled');
    expect(await code(sut().cancelMine(guard, o.id))).toBe('MALL_ORDER_STATE_CHANGED');
    expect([await balance(guard.userId), await stockOf(p.id)]).toEqual([30, 5]);
    expect(await code(place(p.id))).toBe('ok'); // the limit was given back too
  });

  it('the unpaid job cancels only orders 15 minutes old, once across runs', async () => {
    const p = await product({ cashFen: 100 });
    const o = await place(p.id);
    expect(await sut('2026-11-30T15:44:50Z').cancelUnpaid()).toEqual({ cancelled: 0 });
    expect(await sut('2026-11-30T15:45:01Z').cancelUnpaid()).toEqual({ cancelled: 1 });
    expect(await sut('2026-11-30T15:46:00Z').cancelUnpaid()).toEqual({ cancelled: 0 });
    expect((await ds.getRepository(MallOrder).findOneByOrFail({ id: o.id })).status).toBe('cancelled');
    expect(await balance(guard.userId)).toBe(30);
  });

  it('the guard lists their own orders; no pickup code before the order is ready', async () => {
    const p = await product();
    const o = await place(p.id);
    const mine = await sut().listMine(guard, { page: 1, pageSize: 20 });
    expect(mine.items.map((x) => [x.id, x.pickupCode, x.pickupQr])).toEqual([[o.id, null, null]]);
  });
});
