import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { applicationBody, communityId, newApplicant, staffToken } from './support/application-factories.js';

describe('Companies (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let pinghuId: number;
  let jiefangId: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
    pinghuId = (await ctx.org('MAS-YS-PH')).id;
    jiefangId = (await ctx.org('MAS-HS-JFL')).id;
  });
  afterAll(() => ctx.close());

  const base = { name: '测试保安服务有限公司', type: 'security_company', equipment: { 盾牌: 4 } };

  it('validates the unified social credit code including its check character', async () => {
    const format = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91350100M00O100Y43', homeStationId: pinghuId });
    expect(format.status).toBe(400);
    expect(format.body.code).toBe('COMPANY_CREDIT_CODE_INVALID');
    const check = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91350100M000100Y44', homeStationId: pinghuId });
    expect(check.body.code).toBe('COMPANY_CREDIT_CODE_CHECK_FAILED');
  });

  it('creates a company with sites and equipment, audited; a second one with the same code conflicts', async () => {
    const res = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91350100m000100y43', homeStationId: pinghuId, contactPhone: '13800001111' })
      .expect(201);
    expect(res.body).toMatchObject({
      creditCode: '91350100M000100Y43',
      homeStation: { code: 'MAS-YS-PH' },
      equipment: { 盾牌: 4 },
      contactPhone: '138****1111',
    });
    // a site in another district's station is allowed (guards sent across districts)
    const site = await ctx
      .http()
      .post(`/api/admin/companies/${res.body.id}/sites`)
      .set(...bearer(station))
      .send({ name: '外区驻勤点', address: '解放路 1 号', lat: 31.69, lng: 118.51, stationId: jiefangId })
      .expect(201);
    expect(site.body.station.code).toBe('MAS-HS-JFL');
    const updated = await ctx
      .http()
      .put(`/api/admin/companies/${res.body.id}/sites/${site.body.id}`)
      .set(...bearer(station))
      .send({ name: '外区驻勤点二', address: '解放路 2 号', stationId: jiefangId })
      .expect(200);
    expect(updated.body.name).toBe('外区驻勤点二');
    const dup = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91350100M000100Y43', homeStationId: pinghuId });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('COMPANY_CREDIT_CODE_TAKEN');
    const patched = await ctx
      .http()
      .put(`/api/admin/companies/${res.body.id}`)
      .set(...bearer(station))
      .send({ equipment: { 盾牌: 6, 反恐叉: 2 } })
      .expect(200);
    expect(patched.body.equipment).toEqual({ 盾牌: 6, 反恐叉: 2 });
    const audit = await ctx
      .http()
      .get('/api/admin/audit-logs?targetType=company')
      .set(...bearer(station))
      .expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['company.create', 'company.update']),
    );
  });

  it('deletes an unused company and its sites; a company with roster guards is in use', async () => {
    const created = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, name: '临时物业', type: 'property', creditCode: '91340521MA2R3QLE5K', homeStationId: pinghuId })
      .expect(201);
    const site = await ctx
      .http()
      .post(`/api/admin/companies/${created.body.id}/sites`)
      .set(...bearer(station))
      .send({ name: '临时点', address: '平湖路 1 号', stationId: pinghuId })
      .expect(201);
    await ctx
      .http()
      .delete(`/api/admin/companies/${created.body.id}/sites/${site.body.id}`)
      .set(...bearer(station))
      .expect(204);
    await ctx
      .http()
      .delete(`/api/admin/companies/${created.body.id}`)
      .set(...bearer(station))
      .expect(204);
    await ctx
      .http()
      .get(`/api/admin/companies/${created.body.id}`)
      .set(...bearer(station))
      .expect(404);
    const wanan = (await ctx.dataSource.query("SELECT id FROM companies WHERE name = '皖安保安服务有限公司'"))[0].id;
    const inUse = await ctx
      .http()
      .delete(`/api/admin/companies/${wanan}`)
      .set(...bearer(station));
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('COMPANY_IN_USE');
  });

  it('a site an application names cannot be deleted (SITE_IN_USE, nothing removed); once unused it can', async () => {
    const companyId = (await ctx.dataSource.query("SELECT id FROM companies WHERE name = '皖安保安服务有限公司'"))[0]
      .id;
    const site = await ctx
      .http()
      .post(`/api/admin/companies/${companyId}/sites`)
      .set(...bearer(station))
      .send({ name: '在用驻勤点', address: '平湖路 9 号', stationId: pinghuId })
      .expect(201);
    const applicant = await newApplicant(ctx, 'site-in-use');
    await ctx
      .http()
      .post('/api/applications')
      .set(...bearer(applicant.token))
      .send(
        applicationBody(ctx, {
          occupation: 'security_guard',
          companyId,
          siteId: site.body.id,
          residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1'),
        }),
      )
      .expect(201);
    const refused = await ctx
      .http()
      .delete(`/api/admin/companies/${companyId}/sites/${site.body.id}`)
      .set(...bearer(station));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SITE_IN_USE', details: { people: 1 } });
    expect(refused.body.message).toContain('不能删除');
    const after = await ctx
      .http()
      .get(`/api/admin/companies/${companyId}`)
      .set(...bearer(station))
      .expect(200);
    expect(after.body.sites.map((s: { id: number }) => s.id)).toContain(site.body.id);
    // once nobody refers to it (cleared here in the database directly), the site can go
    await ctx.dataSource.query('UPDATE applications SET siteId = NULL WHERE siteId = ?', [site.body.id]);
    await ctx
      .http()
      .delete(`/api/admin/companies/${companyId}/sites/${site.body.id}`)
      .set(...bearer(station))
      .expect(204);
  });

  it('rejects bad equipment counts and a home station that is not a station', async () => {
    const bad = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91340504MA2P7XKB1Q', homeStationId: pinghuId, equipment: { 盾牌: -1 } });
    expect(bad.status).toBe(400);
    const community = (await ctx.org('MAS-YS-PH-C1')).id;
    const notStation = await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(await staffToken(ctx, 'yushan_branch')))
      .send({ ...base, creditCode: '91340521MA2R3QLE5K', homeStationId: community });
    expect(notStation.body.code).toBe('ORG_UNIT_NOT_STATION');
  });

  it('staff see and edit only companies of their own subtree (404 outside)', async () => {
    const list = await ctx
      .http()
      .get('/api/admin/companies')
      .set(...bearer(station))
      .expect(200);
    const names = list.body.items.map((c: { name: string }) => c.name);
    expect(names).toContain('皖安保安服务有限公司');
    expect(names).not.toContain('马鞍山华宇物业管理有限公司');
    const other = (await ctx.dataSource.query("SELECT id FROM companies WHERE name = '马鞍山华宇物业管理有限公司'"))[0]
      .id;
    await ctx
      .http()
      .get(`/api/admin/companies/${other}`)
      .set(...bearer(station))
      .expect(404);
    await ctx
      .http()
      .put(`/api/admin/companies/${other}`)
      .set(...bearer(station))
      .send({ name: '改名' })
      .expect(404);
    await ctx
      .http()
      .post('/api/admin/companies')
      .set(...bearer(station))
      .send({ ...base, creditCode: '91340521MA2R3QLE5K', homeStationId: jiefangId })
      .expect(404);
  });

  it('links a company manager; only company_manager accounts qualify', async () => {
    const companyRow = (await ctx.dataSource.query("SELECT id FROM companies WHERE name = '皖安保安服务有限公司'"))[0];
    const stationUser = (await ctx.dataSource.query("SELECT id FROM users WHERE username = 'pinghu_station'"))[0];
    const res = await ctx
      .http()
      .put(`/api/admin/companies/${companyRow.id}`)
      .set(...bearer(station))
      .send({ managerUserId: stationUser.id });
    expect(res.body.code).toBe('COMPANY_MANAGER_INVALID');
  });

  it('the company manager sees only their own company and its join rate, and no staff lists', async () => {
    const manager = await staffToken(ctx, 'company');
    const mine = await ctx
      .http()
      .get('/api/company/mine')
      .set(...bearer(manager))
      .expect(200);
    // demo roster of 皖安: 4 guards, 3 certified, 张伟 already a volunteer
    expect(mine.body).toMatchObject({
      company: { name: '皖安保安服务有限公司' },
      rosterSize: 4,
      certifiedCount: 3,
      joinedCount: 1,
      joinRate: 0.25,
      target: 0.8,
    });
    const guards = await ctx
      .http()
      .get('/api/company/mine/guards')
      .set(...bearer(manager))
      .expect(200);
    expect(guards.body.total).toBe(4);
    expect(guards.body.items.find((g: { name: string }) => g.name === '张伟')).toMatchObject({ joined: true });
    expect(
      guards.body.items.every((g: { company: { name: string } }) => g.company.name === '皖安保安服务有限公司'),
    ).toBe(true);
    // asking for another company's guards still returns only their own
    const other = (await ctx.dataSource.query("SELECT id FROM companies WHERE name = '马鞍山华宇物业管理有限公司'"))[0]
      .id;
    const sneaky = await ctx
      .http()
      .get(`/api/company/mine/guards?companyId=${other}`)
      .set(...bearer(manager))
      .expect(200);
    expect(
      sneaky.body.items.every((g: { company: { name: string } }) => g.company.name === '皖安保安服务有限公司'),
    ).toBe(true);
    await ctx
      .http()
      .get('/api/admin/companies')
      .set(...bearer(manager))
      .expect(403);
    await ctx
      .http()
      .get('/api/admin/roster')
      .set(...bearer(manager))
      .expect(403);
    await ctx
      .http()
      .get('/api/admin/volunteers')
      .set(...bearer(manager))
      .expect(403);
    await ctx
      .http()
      .get('/api/company/mine')
      .set(...bearer(station))
      .expect(403);
  });

  it('an applicant can list companies and sites to choose from', async () => {
    const visitor = await ctx.loginWechat('company-picker');
    const res = await ctx
      .http()
      .get('/api/companies')
      .set(...bearer(visitor.accessToken))
      .expect(200);
    const wanan = res.body.find((c: { name: string }) => c.name === '皖安保安服务有限公司');
    expect(wanan.sites.map((s: { stationName: string }) => s.stationName)).toEqual(
      expect.arrayContaining(['平湖派出所', '解放路派出所']),
    );
  });
});
