import request from 'supertest';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { staffToken } from './support/application-factories.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';

/** Staff accounts (disable, enable, reset password, roles and unit) and unit contacts (docs/product.md#staff-accounts). */
describe('Staff administration and unit contacts (e2e)', () => {
  let ctx: TestContext;
  let admin: string;
  let city: string;
  let yushan: string;
  let huashan: string;
  let pinghu: string;
  let units: Record<'city' | 'yushan' | 'pinghu' | 'yushanStation' | 'jiefang' | 'community', number>;
  beforeAll(async () => {
    ctx = await createTestApp();
    [admin, city, yushan, huashan, pinghu] = await Promise.all(
      ['admin', 'city', 'yushan_branch', 'huashan_branch', 'pinghu_station'].map((u) => staffToken(ctx, u)),
    );
    const id = async (code: string) => (await ctx.org(code)).id;
    units = {
      city: await id('MAS'),
      yushan: await id('MAS-YS'),
      pinghu: await id('MAS-YS-PH'),
      yushanStation: await id('MAS-YS-YS'),
      jiefang: await id('MAS-HS-JFL'),
      community: await id('MAS-YS-PH-C1'),
    };
  });
  afterAll(() => ctx.close());

  const send = (method: 'get' | 'post' | 'put', url: string, token: string, body?: object) => {
    const http = ctx.http();
    const req = http[method](`/api${url}`).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const userId = async (username: string): Promise<number> =>
    (await ctx.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id;
  const audits = (action: string): Promise<{ actorId: number; targetId: string; before: string; after: string }[]> =>
    ctx.dataSource.query('SELECT * FROM audit_logs WHERE action = ? ORDER BY id', [action]);
  const newStationOfficer = async (username: string, phone: string) =>
    (
      await send('post', '/admin/staff', yushan, {
        username,
        displayName: '新民警',
        password: 'Passw0rd1',
        phone,
        orgUnitId: units.pinghu,
        roles: ['station_officer'],
      }).expect(201)
    ).body.id as number;

  it('a reset password is shown once, works for login, and the old one no longer does; the audit holds neither', async () => {
    const id = await newStationOfficer('ph_officer_a', '13900000101');
    const res = await send('post', `/admin/staff/${id}/reset-password`, yushan).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const password: string = res.body.password;
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{12}$/);
    await ctx.loginStaff('ph_officer_a', password);
    await ctx
      .http()
      .post('/api/auth/staff/login')
      .send({ username: 'ph_officer_a', password: 'Passw0rd1' })
      .expect(401);
    // a second reset gives another password; the first one stops working
    const again = (await send('post', `/admin/staff/${id}/reset-password`, yushan).expect(200)).body.password;
    expect(again).not.toBe(password);
    await ctx.http().post('/api/auth/staff/login').send({ username: 'ph_officer_a', password }).expect(401);
    // the account's reads never carry it, the stored row holds only a hash, the audit names the act only
    expect(JSON.stringify((await send('get', `/admin/staff/${id}`, yushan).expect(200)).body)).not.toContain(again);
    const [row] = await ctx.dataSource.query('SELECT passwordHash FROM users WHERE id = ?', [id]);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    const entries = await audits('staff.reset_password');
    expect(entries.map((e) => [e.actorId, e.targetId])).toEqual([
      [await userId('yushan_branch'), String(id)],
      [await userId('yushan_branch'), String(id)],
    ]);
    expect(JSON.stringify(entries)).not.toContain(password);
    expect(JSON.stringify(entries)).not.toContain(again);
  });

  it('a password reset ends every login of the account at once: refresh and access tokens say the login has ended', async () => {
    const id = await newStationOfficer('ph_officer_s', '13900000109');
    const phone = await ctx.loginStaff('ph_officer_s', 'Passw0rd1');
    const desktop = await ctx.loginStaff('ph_officer_s', 'Passw0rd1');
    const bystander = await ctx.loginStaff('pinghu_station');
    for (const s of [phone, desktop]) await send('get', '/me', s.accessToken).expect(200);
    await send('post', `/admin/staff/${id}/reset-password`, yushan).expect(200);
    for (const s of [phone, desktop]) {
      const me = await send('get', '/me', s.accessToken).expect(401);
      expect(me.body).toMatchObject({
        code: 'SESSION_ENDED',
        message: '本次登录已结束（已退出或已被注销），请重新登录',
      });
      const refresh = await ctx.http().post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
      expect(refresh.body.code).toBe('SESSION_ENDED');
    }
    // someone else's login is untouched
    await send('get', '/me', bystander.accessToken).expect(200);
  });

  it("disabling ends the account's sessions at once; enabling lets it sign in again; both audited", async () => {
    const id = await newStationOfficer('ph_officer_b', '13900000102');
    const session = await ctx.loginStaff('ph_officer_b', 'Passw0rd1');
    await send('get', '/me', session.accessToken).expect(200);
    const off = await send('post', `/admin/staff/${id}/status`, yushan, { status: 'disabled' }).expect(200);
    expect(off.body.status).toBe('disabled');
    expect((await send('get', '/me', session.accessToken).expect(401)).body.code).toBe('ACCOUNT_DISABLED');
    await ctx.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const login = await ctx
      .http()
      .post('/api/auth/staff/login')
      .send({ username: 'ph_officer_b', password: 'Passw0rd1' });
    expect([login.status, login.body.code]).toEqual([401, 'ACCOUNT_DISABLED']);
    await send('post', `/admin/staff/${id}/status`, city, { status: 'active' }).expect(200);
    // enabling does not bring the old login back: it ended with the disable
    expect((await send('get', '/me', session.accessToken).expect(401)).body.code).toBe('SESSION_ENDED');
    const old = await ctx.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    expect(old.body.code).toBe('SESSION_ENDED');
    await ctx.loginStaff('ph_officer_b', 'Passw0rd1');
    expect((await audits('staff.disable')).map((e) => [e.targetId, JSON.parse(e.after)])).toEqual([
      [String(id), { status: 'disabled' }],
    ]);
    expect((await audits('staff.enable')).map((e) => e.targetId)).toEqual([String(id)]);
  });

  it('roles must fit the new unit’s level; a move stays in scope; sysadmin only from a sysadmin', async () => {
    const id = await newStationOfficer('ph_officer_c', '13900000103');
    const update = (token: string, body: object) => send('put', `/admin/staff/${id}`, token, body);
    const wrongLevel = await update(yushan, { roles: ['branch_officer'], orgUnitId: units.pinghu }).expect(400);
    expect(wrongLevel.body.code).toBe('ROLE_NOT_ALLOWED_AT_LEVEL');
    expect((await update(yushan, { roles: ['station_officer'], orgUnitId: units.jiefang }).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    const moved = await update(yushan, { roles: ['station_officer'], orgUnitId: units.yushanStation }).expect(200);
    expect([moved.body.orgUnit.id, moved.body.roles]).toEqual([units.yushanStation, ['station_officer']]);
    expect((await update(city, { roles: ['sysadmin'], orgUnitId: units.city }).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    await update(admin, { roles: ['city_officer', 'sysadmin'], orgUnitId: units.city }).expect(200);
    const [entry] = await audits('staff.update');
    expect([JSON.parse(entry.before), JSON.parse(entry.after)]).toEqual([
      { roles: ['station_officer'], orgUnitId: units.pinghu },
      { roles: ['station_officer'], orgUnitId: units.yushanStation },
    ]);
  });

  it('outside the subtree is 404; nobody acts on their own account; officers never act on a sysadmin', async () => {
    const id = await newStationOfficer('ph_officer_d', '13900000104');
    for (const [method, url, body] of [
      ['post', `/admin/staff/${id}/status`, { status: 'disabled' }],
      ['post', `/admin/staff/${id}/reset-password`, undefined],
      ['put', `/admin/staff/${id}`, { roles: ['station_officer'], orgUnitId: units.pinghu }],
    ] as const)
      expect((await send(method, url, huashan, body).expect(404)).body.code).toBe('NOT_FOUND');
    // a station officer reads staff but does not manage them
    expect((await send('post', `/admin/staff/${id}/reset-password`, pinghu).expect(403)).body.code).toBe('FORBIDDEN');
    const self = await userId('yushan_branch');
    const selfDisable = await send('post', `/admin/staff/${self}/status`, yushan, { status: 'disabled' }).expect(403);
    expect(selfDisable.body.code).toBe('STAFF_SELF_ACTION');
    const selfRole = await send('put', `/admin/staff/${self}`, yushan, {
      roles: ['branch_officer', 'mall_operator'],
      orgUnitId: units.yushan,
    }).expect(403);
    expect(selfRole.body.code).toBe('STAFF_SELF_ACTION');
    const sysadmin = await userId('admin');
    const above = await send('post', `/admin/staff/${sysadmin}/reset-password`, city).expect(403);
    expect(above.body.code).toBe('STAFF_ABOVE_ACTOR');
    // the branch cannot see the city's accounts at all
    await send('post', `/admin/staff/${await userId('city')}/status`, yushan, { status: 'disabled' }).expect(404);
    expect(await audits('staff.disable')).toHaveLength(1); // only the previous test's
  });

  it('unit contacts: recorded by the unit or above, masked, listed for the units above, reveal audited', async () => {
    const put = (token: string, unit: number, kind: string, body: object) =>
      send('put', `/admin/unit-contacts/${unit}/${kind}`, token, body);
    const saved = await put(pinghu, units.pinghu, 'responsible', {
      name: '李所长',
      phone: '13955507001',
      title: '所长',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      kind: 'responsible',
      name: '李所长',
      phoneMasked: '139****7001',
      title: '所长',
    });
    await put(yushan, units.pinghu, 'liaison', { name: '王警官', phone: '13955507002', title: '社区民警' }).expect(200);
    // the station cannot record its branch's; a community records none; the other branch sees no station here
    expect(
      (await put(pinghu, units.yushan, 'liaison', { name: '甲', phone: '13955507003', title: '副局长' })).status,
    ).toBe(404);
    const community = await put(city, units.community, 'liaison', { name: '乙', phone: '13955507004', title: '民警' });
    expect([community.status, community.body.code]).toEqual([400, 'UNIT_CONTACTS_LEVEL']);
    await put(huashan, units.pinghu, 'liaison', { name: '丙', phone: '13955507005', title: '民警' }).expect(404);
    await put(yushan, units.pinghu, 'deputy', { name: '丁', phone: '13955507006', title: '民警' }).expect(400);
    await put(yushan, units.pinghu, 'liaison', { name: '戊', phone: '12345', title: '民警' }).expect(400);

    const list = async (token: string) =>
      (await send('get', '/admin/unit-contacts?pageSize=100', token).expect(200)).body.items as {
        orgUnit: { id: number; level: string };
        responsible: { phoneMasked: string } | null;
        liaison: { name: string } | null;
      }[];
    const branchView = await list(yushan);
    expect(branchView.every((u) => ['branch', 'station'].includes(u.orgUnit.level))).toBe(true);
    const ph = branchView.find((u) => u.orgUnit.id === units.pinghu)!;
    expect([ph.responsible?.phoneMasked, ph.liaison?.name]).toEqual(['139****7001', '王警官']);
    expect(branchView.some((u) => u.orgUnit.id === units.yushan)).toBe(true);
    expect((await list(huashan)).some((u) => u.orgUnit.id === units.pinghu)).toBe(false);
    expect((await list(pinghu)).map((u) => u.orgUnit.id)).toEqual([units.pinghu]);
    expect((await list(city)).length).toBeGreaterThan(branchView.length);
    expect(JSON.stringify(await list(city))).not.toContain('13955507001');

    // stored encrypted with the keyed hash; the audit entry has the masked number only
    const pii = ctx.app.get(PiiCipher);
    const [row] = await ctx.dataSource.query("SELECT * FROM unit_contacts WHERE kind = 'responsible'");
    expect([pii.decrypt(row.phoneEnc), row.phoneHash]).toEqual(['13955507001', pii.hash('phone', '13955507001')]);
    expect(JSON.stringify(row)).not.toContain('13955507001');
    expect(JSON.stringify(await audits('org.contact.update'))).not.toContain('13955507001');

    await send('post', `/admin/unit-contacts/${units.pinghu}/responsible/reveal`, huashan).expect(404);
    const revealed = await send('post', `/admin/unit-contacts/${units.pinghu}/responsible/reveal`, yushan).expect(200);
    expect(revealed.body).toEqual({ field: 'phone', value: '13955507001' });
    const reveals = await ctx.dataSource.query(
      "SELECT * FROM audit_logs WHERE targetType = 'org_unit_contact' AND action = 'pii.reveal'",
    );
    expect(reveals.map((r: { targetId: string }) => r.targetId)).toEqual([`${units.pinghu}:responsible`]);
  });

  it('the routes need a signed-in officer', async () => {
    await request(ctx.app.getHttpServer()).get('/api/admin/unit-contacts').expect(401);
  });
});
