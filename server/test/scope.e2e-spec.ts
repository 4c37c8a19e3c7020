import type { AuditLogResponse, StaffResponse } from '@jianghuai/shared';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { User } from '../src/modules/users/user.entity.js';

/** Org scope on real scoped resources: the staff list and the audit log (docs/product.md#roles-and-org-scope). */
describe('Org scope (e2e)', () => {
  let ctx: TestContext;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    ctx = await createTestApp();
    tokens = {};
    for (const u of [
      'admin',
      'city',
      'yushan_branch',
      'huashan_branch',
      'pinghu_station',
      'yushan_station',
      'pinghu_community',
    ]) {
      tokens[u] = (await ctx.loginStaff(u)).accessToken;
    }
  });
  afterAll(() => ctx.close());

  const staffList = async (viewer: string, query = ''): Promise<StaffResponse[]> =>
    (
      await ctx
        .http()
        .get(`/api/admin/staff?pageSize=100${query}`)
        .set(...bearer(tokens[viewer]))
        .expect(200)
    ).body.items;

  const userId = async (username: string) =>
    (await ctx.dataSource.getRepository(User).findOneByOrFail({ username })).id;

  it('a station officer lists only staff of their own station and its communities', async () => {
    const names = (await staffList('pinghu_station')).map((s) => s.username).sort();
    expect(names).toEqual(['company', 'pinghu_community', 'pinghu_station']);
  });

  it("a station officer reading another station's staff member gets 404, not 403", async () => {
    const other = await userId('yushan_station');
    const res = await ctx
      .http()
      .get(`/api/admin/staff/${other}`)
      .set(...bearer(tokens.pinghu_station))
      .expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    await ctx
      .http()
      .post(`/api/admin/staff/${other}/reveal`)
      .set(...bearer(tokens.pinghu_station))
      .send({ field: 'phone' })
      .expect(404);
    const own = await userId('pinghu_community');
    await ctx
      .http()
      .get(`/api/admin/staff/${own}`)
      .set(...bearer(tokens.pinghu_station))
      .expect(200);
  });

  it('a station officer cannot filter their way into another station', async () => {
    const other = await ctx.org('MAS-YS-YS');
    await ctx
      .http()
      .get(`/api/admin/staff?orgUnitId=${other.id}`)
      .set(...bearer(tokens.pinghu_station))
      .expect(404);
  });

  it('a branch officer sees every station of the branch and nothing of other branches', async () => {
    const names = (await staffList('yushan_branch')).map((s) => s.username).sort();
    expect(names).toEqual(['company', 'pinghu_community', 'pinghu_station', 'yushan_branch', 'yushan_station']);
    const huashan = await userId('jiefang_station');
    await ctx
      .http()
      .get(`/api/admin/staff/${huashan}`)
      .set(...bearer(tokens.yushan_branch))
      .expect(404);
  });

  it('the city sees everyone; pagination and search work inside the scope', async () => {
    const all = await ctx
      .http()
      .get('/api/admin/staff?pageSize=3&page=2')
      .set(...bearer(tokens.city))
      .expect(200);
    expect(all.body).toMatchObject({ page: 2, pageSize: 3 });
    expect(all.body.total).toBeGreaterThanOrEqual(10);
    expect(all.body.items).toHaveLength(3);
    const found = await staffList('city', `&q=${encodeURIComponent('王所')}`);
    expect(found.map((s) => s.username)).toEqual(['pinghu_station']);
  });

  it('a community officer has no staff-list permission', async () => {
    await ctx
      .http()
      .get('/api/admin/staff')
      .set(...bearer(tokens.pinghu_community))
      .expect(403);
  });

  it("staff can only be created inside the creator's scope and at a level that fits the role", async () => {
    const huashanStation = await ctx.org('MAS-HS-JS');
    const out = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.yushan_branch))
      .send({
        username: 'js_officer',
        displayName: '佳山民警',
        password: 'Abcd1234',
        phone: '13811110001',
        orgUnitId: huashanStation.id,
        roles: ['station_officer'],
      })
      .expect(404);
    expect(out.body.code).toBe('NOT_FOUND');
    const pinghu = await ctx.org('MAS-YS-PH');
    const wrongLevel = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.yushan_branch))
      .send({
        username: 'ph_branch',
        displayName: '错级别',
        password: 'Abcd1234',
        phone: '13811110002',
        orgUnitId: pinghu.id,
        roles: ['branch_officer'],
      })
      .expect(400);
    expect(wrongLevel.body.code).toBe('ROLE_NOT_ALLOWED_AT_LEVEL');
    await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.pinghu_station))
      .send({
        username: 'ph_new',
        displayName: '无权创建',
        password: 'Abcd1234',
        phone: '13811110003',
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      })
      .expect(403);
  });

  it('the audit log is scoped: an action in 平湖 is visible to 平湖 and its branch, not to 雨山派出所 or 花山分局', async () => {
    const pinghu = await ctx.org('MAS-YS-PH');
    const created = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.yushan_branch))
      .send({
        username: 'ph_officer2',
        displayName: '平湖新民警',
        password: 'Abcd1234',
        phone: '13811110004',
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      })
      .expect(201);
    const logsOf = async (viewer: string): Promise<AuditLogResponse[]> =>
      (
        await ctx
          .http()
          .get('/api/admin/audit-logs?action=staff.create&pageSize=100')
          .set(...bearer(tokens[viewer]))
          .expect(200)
      ).body.items;
    const mine = (l: AuditLogResponse) => l.targetId === String(created.body.id);
    const entry = (await logsOf('pinghu_station')).find(mine);
    expect(entry).toMatchObject({
      action: 'staff.create',
      actorName: '刘大队',
      actorRoles: ['branch_officer'],
      targetType: 'user',
    });
    expect(entry?.after).toMatchObject({ username: 'ph_officer2', roles: ['station_officer'] });
    expect(entry?.requestId).toEqual(expect.any(String));
    expect((await logsOf('yushan_branch')).some(mine)).toBe(true);
    expect((await logsOf('city')).some(mine)).toBe(true);
    expect((await logsOf('yushan_station')).some(mine)).toBe(false);
    expect((await logsOf('huashan_branch')).some(mine)).toBe(false);
  });

  it('duplicate usernames and phones are refused with a clear code', async () => {
    const pinghu = await ctx.org('MAS-YS-PH');
    const dupUser = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.admin))
      .send({
        username: 'city',
        displayName: '重复',
        password: 'Abcd1234',
        phone: '13811110005',
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      })
      .expect(409);
    expect(dupUser.body.code).toBe('USERNAME_TAKEN');
    const dupPhone = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(tokens.admin))
      .send({
        username: 'dup_phone',
        displayName: '重复',
        password: 'Abcd1234',
        phone: '13805550001',
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      })
      .expect(409);
    expect(dupPhone.body.code).toBe('PHONE_TAKEN');
  });

  it("the org tree is rooted at the viewer's unit", async () => {
    const res = await ctx
      .http()
      .get('/api/org-units/tree')
      .set(...bearer(tokens.yushan_branch))
      .expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ name: '雨山分局', level: 'branch' });
    expect(res.body[0].children.map((c: { name: string }) => c.name).sort()).toEqual([
      '安民派出所',
      '平湖派出所',
      '雨山派出所',
    ]);
  });
});
