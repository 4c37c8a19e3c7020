import { createTestApp, bearer, type TestContext } from './support/test-app.js';

interface OpenApiOperation {
  security?: unknown[];
  'x-auth'?: string;
}
type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('Foundation (e2e)', () => {
  let ctx: TestContext;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    ctx = await createTestApp();
    doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
  });
  afterAll(() => ctx.close());

  function operations(): { method: (typeof METHODS)[number]; path: string; op: OpenApiOperation }[] {
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({
        method,
        path: path.replace(/\{[^}]+\}/g, '1'),
        op: item[method],
      })),
    );
  }

  it("the OpenAPI document covers the routes and states each one's auth requirement", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(12);
    for (const { path, op } of ops) {
      expect([path, op['x-auth']]).toEqual([
        path,
        expect.stringMatching(/^(public|signed-in|staff|permission:[a-z.]+)$/),
      ]);
      if (op['x-auth'] !== 'public') expect(op.security).toEqual([{ bearer: [] }]);
    }
    expect(doc.paths['/api/auth/staff/login']).toBeDefined();
    expect(doc.paths['/api/admin/staff/{id}']).toBeDefined();
  });

  it('serves the docs UI', async () => {
    const res = await ctx.http().get('/api/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });

  it('every non-public route answers 401 with the error shape when called without a token', async () => {
    const closed = operations().filter(({ op }) => op['x-auth'] !== 'public');
    expect(closed.length).toBeGreaterThan(5);
    for (const { method, path } of closed) {
      const res = await ctx.http()[method](path).send({});
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 401, 'UNAUTHENTICATED']);
      expect(res.body.message).toBe('请先登录');
    }
  });

  it('routes need the right permission: a volunteer gets 403 on staff routes', async () => {
    const vol = await ctx.loginWechat('zhangwei');
    const res = await ctx
      .http()
      .get('/api/admin/staff')
      .set(...bearer(vol.accessToken))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    await ctx
      .http()
      .get('/api/admin/audit-logs')
      .set(...bearer(vol.accessToken))
      .expect(403);
  });

  it('health reports the database', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', db: { status: 'up', type: ctx.config.database.type } });
  });

  it('an unknown route is a 404 in the error shape', async () => {
    const res = await ctx.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' });
  });

  describe('bad input never yields a 500', () => {
    it('malformed JSON → 400 MALFORMED_JSON with a request id', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/staff/login')
        .set('Content-Type', 'application/json')
        .send('{"username": "a",')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
      expect(res.body.requestId).toEqual(expect.any(String));
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });

    it('an unknown field → 400 UNKNOWN_FIELD naming the field', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'a', password: 'b', isAdmin: true })
        .expect(400);
      expect(res.body.code).toBe('UNKNOWN_FIELD');
      expect(res.body.details).toEqual([{ field: 'isAdmin', message: '不允许的字段' }]);
      expect(res.body.message).toContain('isAdmin');
    });

    it('a wrong type → 400 VALIDATION_FAILED naming the field', async () => {
      const res = await ctx.http().post('/api/auth/staff/login').send({ username: 123, password: 'b' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([{ field: 'username', message: '应为文本' }]));
    });

    it('a non-numeric id in the path → 400', async () => {
      const admin = await ctx.loginStaff('admin');
      const res = await ctx
        .http()
        .get('/api/admin/staff/abc')
        .set(...bearer(admin.accessToken))
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id', message: '应为整数' }] });
    });

    it('a bad query parameter → 400 naming it', async () => {
      const admin = await ctx.loginStaff('admin');
      const res = await ctx
        .http()
        .get('/api/admin/staff?pageSize=100000')
        .set(...bearer(admin.accessToken))
        .expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'pageSize' })]));
    });

    it('an oversized body → 413, not a 500', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/staff/login')
        .send({ username: 'x'.repeat(400_000), password: 'b' })
        .expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('garbage bodies sent to every POST route never produce a 500', async () => {
      const admin = await ctx.loginStaff('admin');
      const bodies: unknown[] = [
        null,
        [],
        'text',
        42,
        { a: { b: [1, { c: null }] } },
        { username: null, password: [] },
        { code: {} },
        { roles: 'x', orgUnitId: '1' },
      ];
      for (const { method, path } of operations().filter((o) => o.method === 'post')) {
        for (const body of bodies) {
          const res = await ctx
            .http()
            .post(path)
            .set(...bearer(admin.accessToken))
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect([path, JSON.stringify(body), res.status < 500]).toEqual([path, JSON.stringify(body), true]);
          expect(res.body.code).toEqual(expect.any(String));
        }
        expect(method).toBe('post');
      }
    });
  });

  it('the demo accounts list is served while the sandbox is on', async () => {
    const res = await ctx.http().get('/api/sandbox/demo-accounts').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'sandbox-zhangwei' }),
        expect.objectContaining({ username: 'pinghu_station' }),
      ]),
    );
  });

  it('audit rows cannot be changed or deleted, even by a raw query', async () => {
    const admin = await ctx.loginStaff('admin');
    const sec = await ctx.org('MAS-YS-AM');
    await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(admin.accessToken))
      .send({
        username: 'anmin_officer',
        displayName: '安民民警',
        password: 'Abcd1234',
        phone: '13811112222',
        orgUnitId: sec.id,
        roles: ['station_officer'],
      })
      .expect(201);
    // the row names who acted, from where and in which request
    const rows: { actorId: number; ip: string | null; requestId: string | null }[] = await ctx.dataSource.query(
      "SELECT actorId, ip, requestId FROM audit_logs WHERE action = 'staff.create'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).toMatch(/127\.0\.0\.1|::1/);
    expect(rows[0].requestId).toBeTruthy();
    await expect(ctx.dataSource.query("UPDATE audit_logs SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.dataSource.query('DELETE FROM audit_logs')).rejects.toThrow(/append-only/);
  });
});
