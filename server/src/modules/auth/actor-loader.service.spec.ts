import type { DataSource } from 'typeorm';
import { UserQueries } from '../users/user-queries.js';
import type { User } from '../../../test/unit/rows.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { ActorLoader } from './actor-loader.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import {
  createStaffUser,
  createUser,
  createVolunteer,
  orgTree,
  unitOrg,
  type UnitTree,
} from '../../../test/unit/factories.js';

describe('ActorLoader', () => {
  let ds: DataSource;
  let sut: ActorLoader;
  let org: UnitTree;
  let officer: User, member: User, suspended: User, disabled: User;
  const at = clockAt('2026-11-30T16:00:00Z').now();
  const noIp = () => null;

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new ActorLoader(ds, new UserQueries(ds), new VolunteerQueries(ds), unitOrg(ds));
    org = await orgTree(ds, at);
    officer = await createStaffUser(ds, at, 'station_officer', org.stationA, { displayName: '李警官' });
    member = await createUser(ds, at, { displayName: '微信用户' });
    await createVolunteer(ds, at, member, org.stationB, { name: '张三' });
    suspended = await createUser(ds, at, { displayName: '微信用户' });
    await createVolunteer(ds, at, suspended, org.stationB, { name: '王五', status: 'suspended' });
    disabled = await createUser(ds, at, { status: 'disabled' });
    const tokens = ds.getRepository(RefreshToken);
    const row = { userId: officer.id, expiresAt: at, rotatedAt: null, createdAt: at };
    await tokens.insert([
      { ...row, familyId: 'ended', tokenHash: 'h1', revokedAt: null },
      { ...row, familyId: 'ended', tokenHash: 'h2', revokedAt: at },
      { ...row, familyId: 'live', tokenHash: 'h3', revokedAt: null },
    ]);
  });

  afterAll(() => ds.destroy());

  it("staff act at their unit's path with their staff roles and given name", async () => {
    const loaded = await sut.loadActor(officer.id, 'live', noIp);
    expect(loaded).toMatchObject({
      active: true,
      sessionEnded: false,
      actor: {
        userId: officer.id,
        displayName: '李警官',
        staffRoles: ['station_officer'],
        roles: ['station_officer'],
        orgUnitId: org.stationA.id,
        orgPath: org.stationA.path,
        isStaff: true,
      },
    });
  });

  it('a member shows their archive name and holds the volunteer role only while active', async () => {
    const active = await sut.loadActor(member.id, null, noIp);
    expect(active?.actor).toMatchObject({ displayName: '张三', roles: ['volunteer'], isStaff: false, orgPath: null });
    const off = await sut.loadActor(suspended.id, null, noIp);
    expect(off?.actor).toMatchObject({ displayName: '王五', roles: [] });
    expect((await sut.loadActor(disabled.id, null, noIp))?.active).toBe(false);
    expect(await sut.loadActor(99_999, null, noIp)).toBeNull();
  });

  it('a login any of whose tokens was revoked has ended; another login of the same user has not', async () => {
    expect((await sut.loadActor(officer.id, 'ended', noIp))?.sessionEnded).toBe(true);
    expect((await sut.loadActor(officer.id, 'live', noIp))?.sessionEnded).toBe(false);
    expect((await sut.loadActor(officer.id, 'unknown', noIp))?.sessionEnded).toBe(false);
  });

  it('reads the client address only when something asks for it', async () => {
    let reads = 0;
    const loaded = await sut.loadActor(officer.id, 'live', () => (reads++, '10.1.2.3'));
    expect(reads).toBe(0);
    expect(loaded?.actor.ip).toBe('10.1.2.3');
    expect(reads).toBe(1);
  });

  it('the person loaded in full gives the same actor as the one-query path', async () => {
    for (const user of [officer, member, suspended]) {
      const person = await sut.loadPerson(user.id);
      const full = sut.toActor(person!, '10.0.0.1');
      const { actor } = (await sut.loadActor(user.id, null, () => '10.0.0.1'))!;
      expect({ ...full }).toEqual({ ...actor, ip: '10.0.0.1' });
    }
    expect((await sut.loadPerson(member.id))?.station?.id).toBe(org.stationB.id);
    expect(await sut.loadPerson(99_999)).toBeNull();
  });
});
