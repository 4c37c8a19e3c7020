import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { DEMO_STAFF, DEMO_VOLUNTEERS } from '../src/database/seed/demo-data.js';
import { applicationBody, communityId, newApplicant, phoneCode } from './support/application-factories.js';

/** Personal data at rest and in responses (docs/product.md#personal-data). */
describe('Personal data (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('no raw database row contains a plaintext phone number', async () => {
    const admin = await ctx.loginStaff('admin');
    const pinghu = await ctx.org('MAS-YS-PH');
    await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(admin.accessToken))
      .send({
        username: 'pii_check',
        displayName: '测试',
        password: 'Abcd1234',
        phone: '13912345678',
        orgUnitId: pinghu.id,
        roles: ['station_officer'],
      })
      .expect(201);
    const phones = ['13912345678', ...DEMO_STAFF.map((s) => s.phone), ...DEMO_VOLUNTEERS.map((v) => v.phone)];
    const tables = ['users', 'audit_logs', 'volunteers', 'org_units', 'refresh_tokens'];
    for (const table of tables) {
      const rows: Record<string, unknown>[] = await ctx.dataSource.query(`SELECT * FROM ${table}`);
      const dump = JSON.stringify(rows);
      for (const phone of phones) expect([table, dump.includes(phone)]).toEqual([table, false]);
    }
    const [row] = await ctx.dataSource.query("SELECT phoneEnc, phoneHash FROM users WHERE username = 'pii_check'");
    expect(row.phoneEnc).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(row.phoneHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('no table holds a plaintext ID number or phone after an application, a draft, emergency contacts and the roster seed', async () => {
    const applicant = await newApplicant(ctx, 'pii-applicant');
    const idNumber = '340504199203074512';
    const phone = '13955550777';
    const body = applicationBody(ctx, {
      idNumber,
      phoneCode: phoneCode(ctx, phone),
      residenceCommunityId: await communityId(ctx, 'MAS-YS-PH-C1'),
    });
    await ctx
      .http()
      .put('/api/applications/draft')
      .set(...bearer(applicant.token))
      .send({ draft: { step: 2, idNumber, phone } })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const submitted = await ctx
      .http()
      .post('/api/applications')
      .set(...bearer(applicant.token))
      .send(body);
    if (submitted.status !== 201)
      throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    // emergency contacts on a volunteer's record are phones too
    const contactPhone = '13955550888';
    const zhang = (await ctx.dataSource.query("SELECT id FROM volunteers WHERE memberNo = 'MAS2026000001'"))[0].id;
    const station = await ctx.loginStaff('pinghu_station');
    await ctx
      .http()
      .put(`/api/admin/volunteers/${zhang}`)
      .set(...bearer(station.accessToken))
      .send({ contacts: [{ name: '李秀英', relation: '配偶', phone: contactPhone }] })
      .expect(200);
    const secrets = [idNumber, phone, contactPhone, '340504199008153012', '340504197205141038', '340504198811204021'];
    for (const meta of ctx.dataSource.entityMetadatas) {
      const dump = JSON.stringify(await ctx.dataSource.query(`SELECT * FROM ${meta.tableName}`));
      for (const secret of secrets)
        expect([meta.tableName, secret, dump.includes(secret)]).toEqual([meta.tableName, secret, false]);
    }
    // and the applicant's own view is masked too
    const mine = await ctx
      .http()
      .get('/api/applications/mine')
      .set(...bearer(applicant.token))
      .expect(200);
    expect(JSON.stringify(mine.body)).not.toContain(idNumber);
  });

  it('responses carry masked phones only', async () => {
    const city = await ctx.loginStaff('city');
    const res = await ctx
      .http()
      .get('/api/admin/staff?pageSize=100')
      .set(...bearer(city.accessToken))
      .expect(200);
    const dump = JSON.stringify(res.body);
    for (const s of DEMO_STAFF) expect(dump).not.toContain(s.phone);
    expect(res.body.items.find((s: { username: string }) => s.username === 'city').phoneMasked).toBe('138****0002');
    expect(city.user.phoneMasked).toBe('138****0002');
  });

  it('a reveal returns the full number to a permitted role and is audited', async () => {
    const branch = await ctx.loginStaff('yushan_branch');
    const list = await ctx
      .http()
      .get('/api/admin/staff?q=pinghu_station')
      .set(...bearer(branch.accessToken))
      .expect(200);
    const id = list.body.items[0].id;
    const res = await ctx
      .http()
      .post(`/api/admin/staff/${id}/reveal`)
      .set(...bearer(branch.accessToken))
      .send({ field: 'phone' })
      .expect(200);
    expect(res.body).toEqual({ field: 'phone', value: '13805550005' });
    const logs = await ctx
      .http()
      .get('/api/admin/audit-logs?action=pii.reveal')
      .set(...bearer(branch.accessToken))
      .expect(200);
    expect(logs.body.items[0]).toMatchObject({
      action: 'pii.reveal',
      targetId: String(id),
      actorName: '刘大队',
      after: { field: 'phone' },
    });
    expect(JSON.stringify(logs.body)).not.toContain('13805550005');
  });

  it('a role without the reveal right is refused', async () => {
    const mall = await ctx.loginStaff('mall');
    await ctx
      .http()
      .post('/api/admin/staff/1/reveal')
      .set(...bearer(mall.accessToken))
      .send({ field: 'phone' })
      .expect(403);
  });

  it('an unsupported field is a 400', async () => {
    const city = await ctx.loginStaff('city');
    const res = await ctx
      .http()
      .post('/api/admin/staff/1/reveal')
      .set(...bearer(city.accessToken))
      .send({ field: 'password' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
