import type { DataSource } from 'typeorm';
import { UserQueries } from '../users/user-queries.js';
import { MemberDirectory } from './member-directory.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createStaffUser, createUser, createVolunteer, orgTree } from '../../../test/unit/factories.js';

describe('MemberDirectory', () => {
  let ds: DataSource;
  let sut: MemberDirectory;
  const at = clockAt('2026-11-30T15:30:00Z').now();

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new MemberDirectory(ds, new UserQueries(ds));
  });
  afterAll(() => ds.destroy());

  it("a member is named by the archive's real name, not the WeChat placeholder", async () => {
    const member = await createUser(ds, at, { displayName: '微信用户' });
    await createVolunteer(ds, at, member, null, { name: '李娜' });
    const visitor = await createUser(ds, at, { displayName: '微信用户' });
    const blank = await createUser(ds, at, { displayName: '小王' });
    await createVolunteer(ds, at, blank, null, { name: ' ' });
    const names = await sut.namesByUserId([member.id, visitor.id, blank.id]);
    expect(names.get(member.id)).toBe('李娜');
    expect(names.get(visitor.id)).toBe('微信用户');
    expect(names.get(blank.id)).toBe('小王');
  });

  it('provisioned staff keep the name the administrator gave them, even with an archive', async () => {
    const { stationA } = await orgTree(ds, at);
    const officer = await createStaffUser(ds, at, 'station_officer', stationA, { displayName: '王警官' });
    await createVolunteer(ds, at, officer, stationA, { name: '王某某' });
    expect((await sut.namesByUserId([officer.id])).get(officer.id)).toBe('王警官');
  });

  it('unknown users are left out, duplicates are looked up once, an empty list asks nothing', async () => {
    const u = await createUser(ds, at, { displayName: '赵六' });
    const names = await sut.namesByUserId([u.id, u.id, 987654]);
    expect([...names.entries()]).toEqual([[u.id, '赵六']]);
    expect((await sut.namesByUserId([])).size).toBe(0);
  });
});
