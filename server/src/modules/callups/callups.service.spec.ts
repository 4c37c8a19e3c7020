import type { DataSource } from 'typeorm';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { unitCallupsAdmin } from '../../../test/unit/factories-callups-admin.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import type { CreateCallupDto } from './callups-admin.dto.js';
import { CallupsService } from './callups.service.js';
import { WartimeState } from '../../../test/unit/rows.js';

describe(CallupsService.name, () => {
  const clock = clockAt('2026-11-30T23:30:00Z');
  let ds: DataSource;
  let org: UnitTree;
  let sut: ReturnType<typeof unitCallupsAdmin>;
  let seq = 0;
  const input = (unitId: number, over: Partial<CreateCallupDto> = {}): CreateCallupDto => ({
    requestId: `unit-request-${++seq}`,
    kind: 'ordinary',
    title: '集结',
    task: '到派出所集合',
    rally: { address: '派出所门口', lat: 31.66, lng: 118.5 },
    deadlineAt: new Date(clock.nowMs() + 3600_000).toISOString(),
    target: { unitId },
    ...over,
  });
  const branch = () => staffActor('branch_officer', org.branchA, 7);
  const station = () => staffActor('station_officer', org.stationA, 8);
  const community = () => staffActor('community_officer', org.communityA, 9);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = unitCallupsAdmin(ds, clock);
    // 23:30 UTC is 07:30 on 12-01 in Shanghai: a first-aid certificate that ran out on 11-30 no longer counts, one
    // that runs out on 12-01 still does (the basic guard's is expired, the core guard's is valid through today)
    for (const [tier, skills] of [
      ['core', [{ name: '急救', expiresOn: '2026-12-01' }, { name: '消防' }]],
      ['backbone', [{ name: '急救' }]],
      ['basic', [{ name: '急救', expiresOn: '2026-11-30' }]],
    ] as const) {
      const u = await createUser(ds, clock.now());
      await createVolunteer(ds, clock.now(), u, org.stationA, {
        tier,
        skills: [...skills],
        residenceCommunityId: org.communityA.id,
      });
    }
    const other = await createUser(ds, clock.now());
    await createVolunteer(ds, clock.now(), other, org.stationB);
  });
  afterAll(() => ds.destroy());

  it('targets by unit, every skill (certificate not expired in Shanghai) and tier; out of scope is 404', async () => {
    const n = async (target: object) =>
      (await sut.targeting.resolve(branch(), { unitId: org.stationA.id, ...target })).volunteers.length;
    expect(await n({})).toBe(3);
    expect(await n({ skills: ['急救'] })).toBe(2);
    expect(await n({ skills: ['急救', '消防'] })).toBe(1);
    expect(await n({ tiers: ['basic', 'backbone'] })).toBe(2);
    expect(await errorCode(sut.targeting.resolve(branch(), { unitId: org.stationB.id }))).toBe('NOT_FOUND');
  });

  it('sends once per request id with the recipients fixed, in the level’s mode', async () => {
    const dto = input(org.stationA.id);
    const a = await sut.callups.create(station(), dto);
    const b = await sut.callups.create(station(), dto);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ mode: 'immediate', counts: { asked: 3 } });
    expect(await errorCode(sut.callups.create(branch(), dto))).toBe('CALLUP_REQUEST_REUSED');
    expect((await sut.callups.create(community(), input(org.communityA.id))).mode).toBe('daily');
    expect(await errorCode(sut.callups.create(community(), input(org.communityA.id, { mode: 'wartime' })))).toBe(
      'CALLUP_MODE_NOT_ALLOWED',
    );
    expect(
      await errorCode(sut.callups.create(station(), input(org.stationA.id, { deadlineAt: clock.now().toISOString() }))),
    ).toBe('CALLUP_DEADLINE_INVALID');
    const [deliveries] = await ds.query('SELECT COUNT(*) AS n FROM callup_deliveries WHERE callupId = ?', [a.id]);
    expect(Number(deliveries.n)).toBe(3);
  });

  it('inside an active war-time area the station is refused and the branch sends in war-time mode', async () => {
    await ds.getRepository(WartimeState).insert({
      areaId: org.stationA.id,
      areaName: org.stationA.name,
      areaLevel: 'station',
      areaPath: org.stationA.path,
      leadUnitId: org.branchA.id,
      leadUnitName: org.branchA.name,
      leadUnitPath: org.branchA.path,
      reason: '防汛',
      startsAt: new Date(clock.nowMs() - 60_000),
      endsAt: new Date(clock.nowMs() + 3600_000),
      declaredByUserId: 7,
      declaredByName: '分局',
      createdAt: clock.now(),
    });
    expect(await errorCode(sut.callups.create(station(), input(org.stationA.id)))).toBe('CALLUP_WARTIME_UNIFIED');
    expect(await sut.callups.preview(station(), { target: { unitId: org.stationA.id } })).toMatchObject({
      matched: 3,
      unified: true,
    });
    const sent = await sut.callups.create(branch(), input(org.stationA.id));
    expect(sent.mode).toBe('wartime');
    expect(sent.wartime?.reason).toBe('防汛');
    const closed = await sut.callups.close(branch(), sent.id);
    expect(closed.status).toBe('closed');
    expect(await errorCode(sut.callups.close(branch(), sent.id))).toBe('CALLUP_CLOSED');
  });
});
