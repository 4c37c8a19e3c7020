import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallOrdersAdminService } from './mall-orders-admin.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitMallOps } from '../../../test/unit/factories-mall-pickup.js';
import { AuditLog } from '../../../test/unit/rows.js';

const page = { page: 1, pageSize: 50 };

describe(MallOrdersAdminService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let opA: Actor;
  let opB: Actor;
  let stA: Actor;
  let stB: Actor;
  let community: Actor;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC
  const at = '2026-11-30T23:30:00Z';
  const ops = () => unitMallOps(ds, clockAt(at));
  const ids = (p: { items: { id: number }[] }) => p.items.map((o) => o.id).sort((a, b) => a - b);
  let cupA: MallProduct;
  let teaB: MallProduct;
  const orders: Record<string, MallOrder> = {};

  const product = (name: string, unit: { id: number; path: string }, stations: number[]) =>
    ds.getRepository(MallProduct).save(
      ds.getRepository(MallProduct).create({
        name,
        category: '生活用品',
        description: '',
        imageIds: [],
        pointsPrice: 10,
        cashFen: 0,
        stock: 5,
        perPersonLimit: null,
        onShelf: true,
        pickupStationIds: stations,
        delivery: stations.length === 0,
        orgUnitId: unit.id,
        orgPath: unit.path,
        createdByUserId: 1,
        createdAt: new Date(at),
        updatedAt: new Date(at),
      }),
    );
  const order = (
    userId: number,
    p: MallProduct,
    station: number | null,
    createdAt: string,
    over: Partial<MallOrder> = {},
  ) =>
    ds.getRepository(MallOrder).save(
      ds.getRepository(MallOrder).create({
        userId,
        clientRequestId: `unit-${Math.random()}`,
        productId: p.id,
        productName: p.name,
        quantity: 1,
        pointsTotal: 10,
        cashFenTotal: 0,
        status: 'paid',
        pickupStationId: station,
        orgPath: p.orgPath,
        createdAt: new Date(createdAt),
        cancelledAt: null,
        ...over,
      }),
    );

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, new Date(at));
    opA = staffActor('mall_operator', org.branchA);
    opB = staffActor('mall_operator', org.branchB);
    stA = staffActor('station_officer', org.stationA);
    stB = staffActor('station_officer', org.stationB);
    community = staffActor('community_officer', org.communityA);
    const guard = await createUser(ds, new Date(at));
    await createVolunteer(ds, new Date(at), guard, org.stationA, { name: '张伟' });
    cupA = await product('保温杯', org.branchA, [org.stationA.id, org.stationB.id]);
    teaB = await product('茶叶 50%', org.branchB, []);
    // Shanghai 1 December 07:00 is UTC 30 November 23:00
    orders.cupAtA = await order(guard.id, cupA, org.stationA.id, '2026-11-30T23:00:00Z');
    orders.cupAtB = await order(guard.id, cupA, org.stationB.id, '2026-11-30T15:59:00Z', { status: 'completed' });
    orders.tea = await order(guard.id, teaB, null, '2026-11-29T02:00:00Z');
  });
  afterAll(() => ds.destroy());

  it('each viewer’s reach: operators their products, a station officer its pickups, others nothing', async () => {
    const s = ops().orders;
    expect(ids(await s.list(opA, page))).toEqual([orders.cupAtA.id, orders.cupAtB.id]);
    expect(ids(await s.list(opB, page))).toEqual([orders.tea.id]);
    expect(ids(await s.list(stA, page))).toEqual([orders.cupAtA.id]);
    expect(ids(await s.list(stB, page))).toEqual([orders.cupAtB.id]); // another branch's product, picked up here
    expect(ids(await s.list(community, page))).toEqual([]);
    expect(await code(s.detail(stA, orders.cupAtB.id))).toBe('NOT_FOUND');
    expect(await code(s.detail(opB, orders.cupAtA.id))).toBe('NOT_FOUND');
    expect(await s.detail(stA, orders.cupAtA.id)).toMatchObject({
      id: orders.cupAtA.id,
      productOrgUnitId: org.branchA.id,
      volunteerName: '张*',
      payments: [],
      verifiedAt: null,
    });
  });

  it('filters: Shanghai days of createdAt, status, product, station, order id or product name', async () => {
    const s = ops().orders;
    const city = staffActor('mall_operator', org.city);
    expect(ids(await s.list(city, { ...page, from: '2026-12-01', to: '2026-12-01' }))).toEqual([orders.cupAtA.id]);
    expect(ids(await s.list(city, { ...page, from: '2026-11-30', to: '2026-11-30' }))).toEqual([orders.cupAtB.id]);
    expect(ids(await s.list(city, { ...page, to: '2026-11-29' }))).toEqual([orders.tea.id]);
    expect(ids(await s.list(city, { ...page, status: 'completed' }))).toEqual([orders.cupAtB.id]);
    expect(ids(await s.list(city, { ...page, productId: teaB.id }))).toEqual([orders.tea.id]);
    expect(ids(await s.list(city, { ...page, pickupStationId: org.stationB.id }))).toEqual([orders.cupAtB.id]);
    expect(ids(await s.list(city, { ...page, q: String(orders.tea.id) }))).toEqual([orders.tea.id]);
    expect(ids(await s.list(city, { ...page, q: '50%' }))).toEqual([orders.tea.id]);
    expect(ids(await s.list(city, { ...page, q: '%' }))).toEqual([orders.tea.id]);
    expect(ids(await s.list(city, { ...page, q: '保温' }))).toEqual([orders.cupAtA.id, orders.cupAtB.id]);
    expect((await s.list(city, { page: 2, pageSize: 2 })).items).toHaveLength(1);
  });

  it('the export holds the same rows as the list, in Chinese, and is audited', async () => {
    const buf = await ops().exporter.export(opA, { ...page });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('商城订单');
    expect(ws.getRow(1).getCell(1).value).toBe('订单号');
    expect(ws.rowCount).toBe(3);
    const first = ws.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(7).value, first.getCell(9).value]).toEqual([
      orders.cupAtB.id,
      '2026-11-30 23:59',
      '已领取',
      '张*',
    ]);
    expect(ws.getRow(3).getCell(2).value).toBe('2026-12-01 07:00');
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'mall.order.export' });
    expect(audit.after).toMatchObject({ rows: 2 });
  });
});
