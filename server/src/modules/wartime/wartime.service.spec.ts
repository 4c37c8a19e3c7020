import type { DataSource } from 'typeorm';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitOrg,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { WartimeQueries } from './wartime-queries.js';
import { WartimeState } from './wartime-state.entity.js';
import { WartimeService } from './wartime.service.js';

describe(WartimeService.name, () => {
  const clock = clockAt('2026-11-30T15:30:00Z');
  const at = (minutes: number) => new Date(clock.nowMs() + minutes * 60_000).toISOString();
  let ds: DataSource;
  let org: UnitTree;
  let sut: WartimeService;
  let queries: WartimeQueries;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    queries = new WartimeQueries(ds.getRepository(WartimeState));
    sut = new WartimeService(ds, clock, unitOrg(ds), unitAudit(ds, clock), new VolunteerQueries(ds), queries);
  });
  afterAll(() => ds.destroy());

  const branch = () => staffActor('branch_officer', org.branchA, 7);
  const declare = (areaId: number, over: object = {}) =>
    sut.declare(branch(), { areaId, startsAt: at(-1), endsAt: at(60), reason: '安保', ...over });

  it('a branch declares over a station of its own; the state covers the station and the community below', async () => {
    const s = await declare(org.stationA.id);
    expect(s).toMatchObject({ areaName: '采石派出所', leadUnitName: '雨山分局', active: true });
    expect((await queries.activeFor(org.communityA.path, clock.now()))?.id).toBe(s.id);
    expect(await queries.activeFor(org.branchA.path, clock.now())).toBeNull();
    expect(await queries.activeFor(org.stationB.path, clock.now())).toBeNull();
    expect(await queries.activeFor(org.stationA.path, new Date(clock.nowMs() + 61 * 60_000))).toBeNull();
  });

  it('refuses another branch’s area (404), the city as an area, a bad period, and an overlap', async () => {
    expect(await errorCode(declare(org.stationB.id))).toBe('NOT_FOUND');
    expect(
      await errorCode(
        sut.declare(staffActor('city_officer', org.city), {
          areaId: org.city.id,
          startsAt: at(0),
          endsAt: at(5),
          reason: 'x',
        }),
      ),
    ).toBe('WARTIME_AREA_INVALID');
    expect(await errorCode(declare(org.branchA.id, { endsAt: at(-2) }))).toBe('WARTIME_PERIOD_INVALID');
    expect(await errorCode(declare(org.branchA.id, { endsAt: at(31 * 24 * 60) }))).toBe('WARTIME_PERIOD_INVALID');
    expect(await errorCode(declare(org.stationA.id, { startsAt: at(30), endsAt: at(90) }))).toBe('WARTIME_OVERLAP');
    expect(
      await errorCode(
        sut.declare(staffActor('station_officer', org.stationA), {
          areaId: org.stationA.id,
          startsAt: at(0),
          endsAt: at(5),
          reason: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('ends early once; the guard living there sees the banner until then', async () => {
    const user = await createUser(ds, clock.now());
    await createVolunteer(ds, clock.now(), user, org.stationB, { residenceCommunityId: org.communityA.id });
    const guard = {
      ...staffActor('branch_officer', org.city, user.id),
      isStaff: false,
      orgPath: null,
      orgUnitId: null,
    };
    const [s] = (await sut.list(branch(), { page: 1, pageSize: 20, active: 'true' })).items;
    expect((await sut.current(guard)).states.map((x) => x.id)).toEqual([s.id]);
    const ended = await sut.end(branch(), s.id, { reason: '任务完成' });
    expect(ended).toMatchObject({ active: false, endReason: '任务完成' });
    expect(await errorCode(sut.end(branch(), s.id, { reason: '再次' }))).toBe('WARTIME_ALREADY_ENDED');
    expect((await sut.current(guard)).states).toEqual([]);
    expect(await errorCode(sut.end(staffActor('branch_officer', org.branchB), s.id, { reason: 'x' }))).toBe(
      'NOT_FOUND',
    );
  });
});
