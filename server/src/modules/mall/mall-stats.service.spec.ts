import type { DataSource } from 'typeorm';
import type { MallOrderStatus } from '@jianghuai/shared';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallStatsService } from './mall-stats.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitMallOps } from '../../../test/unit/factories-mall-pickup.js';
import { unitLedger } from '../../../test/unit/factories-mall.js';

describe(MallStatsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let n = 0;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC: "this month" is December
  const at = '2026-11-30T23:30:00Z';
  const sut = (iso = at) => unitMallOps(ds, clockAt(iso)).stats;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, new Date(at));
    const guard = await createUser(ds, new Date(at));
    const product = (unit: { id: number; path: string }) =>
      ds.getRepository(MallProduct).save(
        ds.getRepository(MallProduct).create({
          name: '水杯',
          category: '生活用品',
          description: '',
          imageIds: [],
          pointsPrice: 10,
          cashFen: 0,
          stock: 50,
          perPersonLimit: null,
          onShelf: true,
          pickupStationIds: [],
          delivery: true,
          orgUnitId: unit.id,
          orgPath: unit.path,
          createdByUserId: 1,
          createdAt: new Date(at),
          updatedAt: new Date(at),
        }),
      );
    const [branch, station, other] = [
      await product(org.branchA),
      await product(org.stationA),
      await product(org.branchB),
    ];
    const order = (p: MallProduct, status: MallOrderStatus, q: number, cash: number, createdAt = at) =>
      ds.getRepository(MallOrder).insert({
        userId: guard.id,
        clientRequestId: `unit-${++n}`,
        productId: p.id,
        productName: p.name,
        quantity: q,
        pointsTotal: 10 * q,
        cashFenTotal: cash,
        status,
        pickupStationId: null,
        orgPath: p.orgPath,
        createdAt: new Date(createdAt),
        cancelledAt: null,
      });
    await order(branch, 'completed', 2, 0);
    await order(branch, 'ready', 1, 0);
    await order(branch, 'refunded', 5, 0);
    await order(branch, 'paid', 1, 0, '2026-11-30T15:59:00Z'); // 23:59 on 30 November in Shanghai: last month
    await order(station, 'paid', 1, 300);
    await order(station, 'cancelled', 1, 300);
    await order(station, 'pending_payment', 1, 300);
    await order(other, 'paid', 4, 0);
    const ledger = unitLedger(ds, clockAt(at));
    const award = (unit: { id: number; path: string }, amount: number) =>
      ds.transaction((m) =>
        ledger.post(m, {
          userId: guard.id,
          volunteerId: null,
          type: 'commendation',
          amount,
          sourceType: 'test',
          sourceId: '1',
          description: '表彰',
          idempotencyKey: `award-${++n}`,
          awardingOrgId: unit.id,
          awardingOrgPath: unit.path,
          notify: false,
        }),
      );
    await award(org.stationA, 40);
    await award(org.branchA, 25);
    await award(org.branchB, 7);
  });
  afterAll(() => ds.destroy());

  it('this Shanghai month by default: sales per product org, refunded, cancelled and unpaid left out', async () => {
    const stats = await sut().stats(staffActor('mall_operator', org.branchA), {});
    expect([stats.from, stats.to]).toEqual(['2026-12-01', '2026-12-01']);
    expect(stats.sales).toEqual([
      { orgUnitId: org.branchA.id, orgName: org.branchA.name, orders: 2, units: 3, pointsRedeemed: 30, cashFen: 0 },
      { orgUnitId: org.stationA.id, orgName: org.stationA.name, orders: 1, units: 1, pointsRedeemed: 10, cashFen: 300 },
    ]);
    expect(stats.liability).toEqual([
      { orgUnitId: org.branchA.id, orgName: org.branchA.name, points: 25 },
      { orgUnitId: org.stationA.id, orgName: org.stationA.name, points: 40 },
    ]);
  });

  it('a period given in Shanghai days; the city sees every org', async () => {
    const nov = await sut().stats(staffActor('mall_operator', org.branchA), { from: '2026-11-30', to: '2026-11-30' });
    expect(nov.sales).toEqual([
      { orgUnitId: org.branchA.id, orgName: org.branchA.name, orders: 1, units: 1, pointsRedeemed: 10, cashFen: 0 },
    ]);
    const city = await sut().stats(staffActor('mall_operator', org.city), { from: '2026-11-01' });
    expect(city.sales.map((s) => [s.orgName, s.orders])).toEqual([
      [org.branchA.name, 3],
      [org.stationA.name, 1],
      [org.branchB.name, 1],
    ]);
    expect(city.liability.map((l) => l.points)).toEqual([25, 40, 7]);
  });

  it('refuses a period backwards or longer than a year', async () => {
    const op = staffActor('mall_operator', org.branchA);
    expect(await code(sut().stats(op, { from: '2026-12-02', to: '2026-12-01' }))).toBe('MALL_STATS_RANGE_INVALID');
    expect(await code(sut().stats(op, { from: '2025-11-01', to: '2026-12-01' }))).toBe('MALL_STATS_RANGE_INVALID');
    expect(await code(sut().stats(op, { from: '2025-12-01', to: '2026-12-01' }))).toBe('ok');
  });
});
