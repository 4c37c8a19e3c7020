import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { MallProductsService } from './mall-products.service.js';
import { clearTables, clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitLedger, unitMallProducts } from '../../../test/unit/factories-mall.js';
import type { CreateMallProductDto } from './mall.dto.js';

describe(MallProductsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let op: Actor;
  const at = '2026-11-30T15:30:00Z';
  const sut = () => unitMallProducts(ds, clockAt(at));
  const dto = (over: Partial<CreateMallProductDto> = {}) =>
    ({ name: '保温杯', category: '生活用品', pointsPrice: 10, stock: 3, ...over }) as CreateMallProductDto;
  const page = { page: 1, pageSize: 20 };

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    org = await orgTree(ds, new Date(at));
    op = staffActor('mall_operator', org.branchA);
  });
  afterAll(() => ds.destroy());

  it('creates off the shelf in the operator’s unit or below; another branch or a station outside is refused', async () => {
    const p = await sut().create(op, dto({ orgUnitId: org.stationA.id, pickupStationIds: [org.stationA.id] }));
    expect(p).toMatchObject({ onShelf: false, orgUnitId: org.stationA.id, cashFen: 0, perPersonLimit: null });
    expect(await code(sut().create(op, dto({ orgUnitId: org.branchB.id })))).toBe('MALL_ORG_INVALID');
    expect(await code(sut().create(op, dto({ pickupStationIds: [org.stationB.id] })))).toBe('MALL_PICKUP_INVALID');
    expect(await code(sut().create(op, dto({ pickupStationIds: [org.branchA.id] })))).toBe('MALL_PICKUP_INVALID');
  });

  it('stock moves by audited adjustments and never below zero; out of scope is 404', async () => {
    const p = await sut().create(op, dto());
    expect(await code(sut().adjustStock(op, p.id, { delta: -4, reason: '盘点' }))).toBe('MALL_STOCK_NEGATIVE');
    expect((await sut().adjustStock(op, p.id, { delta: -3, reason: '盘点' })).stock).toBe(0);
    const other = staffActor('mall_operator', org.branchB);
    expect(await code(sut().adjustStock(other, p.id, { delta: 1, reason: '补货' }))).toBe('NOT_FOUND');
    expect(await code(sut().update(other, p.id, { name: 'x' }))).toBe('NOT_FOUND');
    const audit = await ds.getRepository(AuditLog).find({ order: { id: 'ASC' } });
    expect(audit.map((a) => a.action)).toEqual(['mall.product.create', 'mall.product.stock']);
    expect(audit[1].after).toMatchObject({ stock: 0, delta: -3, reason: '盘点' });
  });

  it('guards see only what is on the shelf, what their balance covers first', async () => {
    const cheap = await sut().create(op, dto({ name: '雨衣 A', pointsPrice: 5 }));
    const dear = await sut().create(op, dto({ name: '雨衣 B', pointsPrice: 50 }));
    await sut().create(op, dto({ name: '雨衣 C', pointsPrice: 1 }));
    await sut().shelf(op, dear.id, { onShelf: true });
    await sut().shelf(op, cheap.id, { onShelf: true });
    const u = await createUser(ds, new Date(at));
    await ds.transaction((m) =>
      unitLedger(ds, clockAt(at)).post(m, {
        userId: u.id,
        volunteerId: null,
        type: 'commendation',
        amount: 10,
        sourceType: 'test',
        sourceId: '1',
        description: '表彰',
        idempotencyKey: 'k1',
        awardingOrgId: null,
        awardingOrgPath: null,
        notify: false,
      }),
    );
    const guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], roles: [], isStaff: false };
    const list = await sut().listForGuard(guard, { ...page, q: '雨衣' });
    expect(list.items.map((p) => [p.name, p.affordable])).toEqual([
      ['雨衣 A', true],
      ['雨衣 B', false],
    ]);
    expect((await sut().listForOperator(staffActor('mall_operator', org.branchB), page)).total).toBe(0);
  });
});
