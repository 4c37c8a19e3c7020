import type { DataSource } from 'typeorm';
import { ActivitySignup, OrgUnit, type Volunteer } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitAlertAudience } from '../../../test/unit/factories-alerts.js';
import { codeOf } from '../../../test/unit/factories-volunteers.js';
import { AlertAudience } from './alert-audience.js';

/** Points are hand-computed: 0.001° of latitude is 111.19 m. */
const P = { lat: 31.6, lng: 118.5 };

describe(AlertAudience.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const sut = () => unitAlertAudience(ds, clock);
  const v: Volunteer[] = [];
  const ids = (list: { id: number }[]) => list.map((x) => x.id).sort((a, b) => a - b);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    await ds.getRepository(OrgUnit).update({ id: org.communityA.id }, P);
    const at = clock.now();
    const make = async (station: typeof org.stationA | null, over: Partial<Volunteer> = {}) =>
      v.push(await createVolunteer(ds, at, await createUser(ds, at), station, over));
    await make(org.stationA); // v0: no place
    await make(org.stationA, { residenceCommunityId: org.communityA.id }); // v1: lives at P (0 m)
    await make(org.stationB, { residenceCommunityId: org.communityA.id }); // v2: another branch's, lives at P
    await make(org.stationA, { residenceCommunityId: org.communityA.id }); // v3: lives at P, checked in 333.6 m away
    await make(org.stationA, { status: 'suspended', residenceCommunityId: org.communityA.id }); // v4: not active
    await ds.getRepository(ActivitySignup).insert({
      activityId: 1,
      volunteerId: v[3].id,
      userId: v[3].userId,
      status: 'confirmed',
      live: 1,
      checkinAt: at,
      checkinLat: P.lat + 0.003,
      checkinLng: P.lng,
      createdAt: at,
      updatedAt: at,
    });
  });
  afterAll(() => ds.destroy());

  it('a station reaches the active volunteers it manages and those living in its communities', async () => {
    const t = await sut().resolve(staffActor('branch_officer', org.branchA), { kind: 'station', id: org.stationA.id });
    expect(ids(t.volunteers)).toEqual(ids([v[0], v[1], v[2], v[3]]));
    expect(t).toMatchObject({ targetName: '采石派出所', orgPath: org.stationA.path });
  });

  it('a radius counts the last check-in place before the residence centre', async () => {
    const actor = staffActor('city_officer', org.city);
    const at200 = await sut().resolve(actor, { kind: 'radius', ...P, radiusM: 200 });
    expect(ids(at200.volunteers)).toEqual(ids([v[1], v[2]]));
    const at400 = await sut().resolve(actor, { kind: 'radius', ...P, radiusM: 400 });
    expect(ids(at400.volunteers)).toEqual(ids([v[1], v[2], v[3]]));
    // a station officer of branch B sees only its own volunteer (v2 is managed there)
    const b = await sut().resolve(staffActor('station_officer', org.stationB), { kind: 'radius', ...P, radiusM: 400 });
    expect(ids(b.volunteers)).toEqual(ids([v[2]]));
  });

  it('a unit outside the scope is NOT_FOUND, a unit of another level ALERT_TARGET_INVALID', async () => {
    const other = staffActor('station_officer', org.stationB);
    expect(await codeOf(sut().resolve(other, { kind: 'station', id: org.stationA.id }))).toBe('NOT_FOUND');
    expect(await codeOf(sut().resolve(other, { kind: 'team', id: 999 }))).toBe('NOT_FOUND');
    const city = staffActor('city_officer', org.city);
    expect(await codeOf(sut().resolve(city, { kind: 'community', id: org.stationA.id }))).toBe('ALERT_TARGET_INVALID');
    expect(await codeOf(sut().resolve(city, { kind: 'radius', ...P }))).toBe('ALERT_TARGET_INVALID');
  });
});
