import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { TipPlacesService } from './tip-places.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitTips, unitTipsAdmin } from '../../../test/unit/factories-tips.js';

describe(TipPlacesService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let station: Actor;
  let otherBranch: Actor;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = () => new TipPlacesService(ds, clock);
  let n = 0;
  const submit = async (body: Record<string, unknown>) =>
    (
      await unitTips(ds, clock).submit(guard, {
        clientRequestId: `places-unit-${++n}`,
        category: 'dispute',
        text: '邻里因停车位争吵',
        ...body,
      })
    ).id;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const u = await createUser(ds, at, { displayName: '欧阳娜娜' });
    await createVolunteer(ds, at, u, org.stationA, { memberNo: 'MAS2026000778' });
    guard = {
      ...staffActor('station_officer', org.city, u.id),
      staffRoles: [],
      roles: [],
      isStaff: false,
      orgUnitId: null,
      orgPath: null,
    };
    station = staffActor('station_officer', org.stationA, 9001);
    otherBranch = staffActor('branch_officer', org.branchB, 9002);
  });
  afterAll(() => ds.destroy());

  it('lists only tips with coordinates, newest first, with what and where but not who', async () => {
    const near = await submit({ place: { address: '东门', lat: 31.66, lng: 118.5 } });
    await submit({ place: { address: '没有坐标' } });
    await submit({});
    const later = await submit({ urgency: 'urgent', place: { address: '菜场', lat: 31.67, lng: 118.51 } });
    const res = await sut().places(station, {});
    expect(res.items.map((p) => p.id)).toEqual([later, near]);
    expect(res.total).toBe(2);
    expect(res.items[1]).toEqual({
      id: near,
      lat: 31.66,
      lng: 118.5,
      address: '东门',
      category: 'dispute',
      urgency: 'normal',
      status: 'submitted',
      escalated: false,
      createdAt: expect.stringMatching(/^2026-11-30T23:3\d:/),
    });
    expect(await sut().places(otherBranch, {})).toEqual({ items: [], total: 0 });
  });

  it('filters like the queue, dates as Shanghai days of submission', async () => {
    const id = await submit({ category: 'fire_hazard', place: { address: '楼道', lat: 31.6, lng: 118.4 } });
    await unitTipsAdmin(ds, clock).accept(station, id);
    const ids = async (q: Record<string, string | number>) => (await sut().places(station, q)).items.map((p) => p.id);
    expect(await ids({ category: 'fire_hazard' })).toEqual([id]);
    expect(await ids({ status: 'accepted' })).toEqual([id]);
    expect(await ids({ status: 'accepted', urgency: 'urgent' })).toEqual([]);
    expect(await ids({ stationId: org.stationB.id })).toEqual([]);
    expect(await ids({ stationId: org.stationA.id, category: 'fire_hazard' })).toEqual([id]);
    // 23:30 UTC on 30 November is 1 December in Shanghai
    expect(await ids({ category: 'fire_hazard', from: '2026-12-01', to: '2026-12-01' })).toEqual([id]);
    expect(await ids({ category: 'fire_hazard', to: '2026-11-30' })).toEqual([]);
  });
});
