import type { DataSource } from 'typeorm';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createActivity, createSignup } from '../../../test/unit/factories-activities.js';
import { unitHonestyScan } from '../../../test/unit/factories-supervision.js';
import { HonestyFlag } from './honesty-flag.entity.js';
import { HonestyScan } from './honesty-scan.js';

describe(HonestyScan.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const at = '2026-11-30T23:30:00Z';
  const sut = (iso = at) => unitHonestyScan(ds, clockAt(iso));
  const min = (n: number) => new Date(new Date(at).getTime() - n * 60_000);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, min(300));
  });
  afterAll(() => ds.destroy());

  it('flags check-ins of one account 2 km or more apart within 10 minutes, once; not 11 minutes apart', async () => {
    const v = await createVolunteer(ds, min(300), await createUser(ds, min(300)), org.stationA);
    const x = await createActivity(ds, org.stationA, min(200), { lat: 31.66, lng: 118.5 });
    const y = await createActivity(ds, org.stationA, min(200), { lat: 31.7, lng: 118.55 });
    const far = await createActivity(ds, org.stationA, min(200), { lat: 31.6, lng: 118.45 });
    const s1 = await createSignup(ds, x, v, { checkinAt: min(30), checkinLat: 31.66, checkinLng: 118.5 });
    const s2 = await createSignup(ds, y, v, { checkinAt: min(25), checkinLat: 31.7, checkinLng: 118.55 });
    await createSignup(ds, far, v, { checkinAt: min(14), checkinLat: 31.6, checkinLng: 118.45 });
    expect((await sut().run()).rapidCheckins).toBe(1);
    expect((await sut().run()).rapidCheckins).toBe(0);
    const flags = await ds.getRepository(HonestyFlag).findBy({ kind: 'rapid_checkins' });
    expect(flags.map((f) => f.recordKey)).toEqual([`${s1.id}:${s2.id}`]);
    expect(flags[0].orgPath).toBe(org.stationA.path);
  });

  it('flags attendance without a check-in and credited hours above the window + 1 h', async () => {
    const v = await createVolunteer(ds, min(300), await createUser(ds, min(300)), org.stationB);
    const a = await createActivity(ds, org.stationB, min(200));
    const b = await createActivity(ds, org.stationB, min(200));
    const c = await createActivity(ds, org.stationB, min(200));
    const confirmed = { attendance: 'confirmed' as const, confirmedAt: min(5) };
    await createSignup(ds, a, v, { ...confirmed, confirmedMinutes: 60 });
    await createSignup(ds, b, v, { ...confirmed, confirmedMinutes: 181, checkinAt: min(190) });
    await createSignup(ds, c, v, { ...confirmed, confirmedMinutes: 180, checkinAt: min(190) });
    expect((await sut('2026-11-30T23:31:00Z').run()).attendance).toBe(2);
    const kinds = (await ds.getRepository(HonestyFlag).findBy({ orgPath: org.stationB.path })).map((f) => f.kind);
    expect(kinds.sort()).toEqual(['attendance_without_checkin', 'hours_over_window']);
  });
});
