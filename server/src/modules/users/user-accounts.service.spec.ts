import type { DataSource } from 'typeorm';
import { User } from './user.entity.js';
import { UserAccounts } from './user-accounts.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, createUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';

describe('UserAccounts', () => {
  let ds: DataSource;
  let sut: UserAccounts;
  let org: UnitTree;
  const at = clockAt('2026-11-30T15:30:00Z').now();
  const page = { page: 1, pageSize: 50 };

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new UserAccounts(ds);
    org = await orgTree(ds, at);
  });
  afterAll(() => ds.destroy());

  it('the first sight of an openid creates one plain user; later sights and simultaneous first logins reuse it', async () => {
    const [a, b] = await Promise.all([sut.ensureWechatUser('o-first', at), sut.ensureWechatUser('o-first', at)]);
    expect(a.id).toBe(b.id);
    expect([a.displayName, a.roles, a.status, a.username]).toEqual(['微信用户', [], 'active', null]);
    expect((await sut.ensureWechatUser('o-first', at)).id).toBe(a.id);
    expect(await ds.getRepository(User).countBy({ openid: 'o-first' })).toBe(1);
  });

  it('moves a WeChat identity only onto a user not yet bound', async () => {
    const from = await createUser(ds, at, { openid: 'o-move' });
    const to = await createUser(ds, at, { openid: null });
    const bound = await createUser(ds, at, { openid: 'o-other' });
    expect(await ds.transaction((m) => sut.moveOpenid(m, 'o-move', from.id, bound.id, at))).toBe(false);
    expect(await ds.transaction((m) => sut.moveOpenid(m, 'o-move', from.id, to.id, at))).toBe(true);
    expect((await sut.findByOpenid('o-move'))?.id).toBe(to.id);
    expect((await sut.findByOpenid('o-other'))?.id).toBe(bound.id);
  });

  it("lists provisioned staff in the actor's subtree only, by name, role and area", async () => {
    const a1 = await createStaffUser(ds, at, 'station_officer', org.stationA, { displayName: '陈_警官' });
    const a2 = await createStaffUser(ds, at, 'community_officer', org.communityA, { displayName: '周警官' });
    const b1 = await createStaffUser(ds, at, 'station_officer', org.stationB, { displayName: '陈警官' });
    const branchA = staffActor('branch_officer', org.branchA);
    const ids = async (f: object) => (await sut.staffPage(branchA, { ...page, ...f }))[0].map((u) => u.id);
    expect(await ids({})).toEqual([a1.id, a2.id]);
    expect(await ids({ role: 'community_officer' })).toEqual([a2.id]);
    expect(await ids({ orgPath: org.communityA.path })).toEqual([a2.id]);
    // LIKE wildcards in the keyword are literal: '_' does not match any character
    expect(await ids({ q: '陈_' })).toEqual([a1.id]);
    expect((await sut.staffPage(staffActor('city_officer', org.city), { ...page, q: '陈' }))[1]).toBe(2);
    expect(await sut.staffInScope(branchA, b1.id)).toBeNull();
    expect((await sut.staffInScope(branchA, a2.id))?.orgUnit?.id).toBe(org.communityA.id);
  });

  it('a WeChat user is never listed as staff, and a new staff account is active and findable by name and phone', async () => {
    const visitor = await createUser(ds, at, { orgUnitId: org.stationA.id });
    expect(await sut.staffInScope(staffActor('city_officer', org.city), visitor.id)).toBeNull();
    const id = await ds.transaction((m) =>
      sut.createStaff(m, {
        username: 'newcop',
        displayName: '吴警官',
        passwordHash: 'x',
        phoneEnc: null,
        phoneHash: 'hash-of-phone',
        orgUnitId: org.stationA.id,
        roles: ['station_officer'],
        now: at,
      }),
    );
    expect([await sut.usernameTaken('newcop'), await sut.phoneTaken('hash-of-phone')]).toEqual([true, true]);
    expect(await sut.usernameTaken('nobody')).toBe(false);
    const made = await sut.findByUsername('newcop');
    expect([made?.id, made?.status, made?.failedLogins]).toEqual([id, 'active', 0]);
  });
});
