import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import type { FileFacts } from '../files/file-purposes.js';
import { TipPhotoPolicy } from './tip-photo-policy.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitTips } from '../../../test/unit/factories-tips.js';

describe(TipPhotoPolicy.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let file: FileFacts;
  const clock = clockAt('2026-11-30T23:30:00Z');

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const u = await createUser(ds, clock.now());
    await createVolunteer(ds, clock.now(), u, org.stationA);
    guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], isStaff: false, orgPath: null };
    const tip = await unitTips(ds, clock).submit(guard, {
      clientRequestId: 'policy-unit-1',
      category: 'other',
      text: '路灯坏了很久',
    });
    file = {
      id: 'f'.repeat(32),
      purpose: 'tip_photo',
      ownerUserId: u.id,
      attachedTo: `tip:${tip.id}`,
      createdAt: clock.now(),
    };
  });
  afterAll(() => ds.destroy());

  it('lets the submitter and the tip’s chain read its photos, nobody else', async () => {
    const sut = new TipPhotoPolicy(ds);
    expect(await sut.canRead(guard, file)).toBe(true);
    expect(await sut.canRead(staffActor('station_officer', org.stationA, 900), file)).toBe(true);
    expect(await sut.canRead(staffActor('city_officer', org.city, 901), file)).toBe(true);
    expect(await sut.canRead(staffActor('station_officer', org.stationB, 902), file)).toBe(false);
    expect(await sut.canRead(staffActor('branch_officer', org.branchB, 903), file)).toBe(false);
    // the system administrator sees the whole tree but not police information
    expect(await sut.canRead(staffActor('sysadmin', org.city, 904), file)).toBe(false);
    expect(await sut.canRead(guard, { ...file, attachedTo: 'tip:999999' })).toBe(false);
    expect(await sut.canRead(guard, { ...file, attachedTo: 'order:1' })).toBe(false);
  });
});
