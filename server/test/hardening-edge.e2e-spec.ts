import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestApp, bearer, E2E_DB, type TestContext } from './support/test-app.js';

interface OpenApiDoc {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

/** Sends raw bytes (what no HTTP client library would send) and returns status line, headers and body. */
async function rawRequest(
  ctx: TestContext,
  bytes: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const server = ctx.app.getHttpServer();
  if (!server.address()) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(bytes);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const expectShape = (body: unknown, code: string) => {
  expect(body).toEqual({ code, message: expect.any(String), requestId: expect.stringMatching(UUID) });
};

describe('Bad input below Nest comes back in the one error shape (e2e)', () => {
  let ctx: TestContext;
  let admin: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    admin = (await ctx.loginStaff('admin')).accessToken;
  });
  afterAll(() => ctx.close());

  it('3,000 nested arrays in a 6 KB body are a 400 on every route that takes a body, never a 500', async () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    expect(deep.length).toBe(6000);
    const doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
    const routes = Object.entries(doc.paths).flatMap(([p, item]) =>
      (['post', 'put', 'patch'] as const)
        .filter((m) => item[m])
        .map((m) => ({ method: m, path: p.replace(/\{[^}]+\}/g, '1') })),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, path: p } of routes) {
      for (const body of [deep, `{"a":${deep}}`]) {
        const http = ctx.http();
        const res = await http[method](p)
          .set(...bearer(admin))
          .set('Content-Type', 'application/json')
          .send(body);
        expect([method, p, res.status, res.body.code]).toEqual([method, p, 400, 'MALFORMED_JSON']);
      }
    }
    // a sensible depth is still accepted (the limit is far above any real body)
    await ctx.http().post('/api/auth/staff/login').send({ username: 'admin', password: 'wrong' }).expect(401);
  });

  it('a path parameter over 100 characters reaches the route and is a 400 naming it; a huge one is 414 in the shape', async () => {
    const long = await ctx
      .http()
      .get(`/api/admin/staff/${'1'.repeat(150)}`)
      .set(...bearer(admin))
      .expect(400);
    expect(long.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'id', message: expect.any(String) }],
      requestId: expect.stringMatching(UUID),
    });
    const huge = await ctx
      .http()
      .get(`/api/admin/staff/${'1'.repeat(2000)}`)
      .set(...bearer(admin))
      .expect(414);
    expectShape(huge.body, 'URL_TOO_LONG');
    expect(huge.headers['x-request-id']).toBe(huge.body.requestId);
    expect(huge.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a broken percent-encoding in a path parameter is a 400 in the shape', async () => {
    const res = await ctx
      .http()
      .get('/api/admin/staff/%E0%A4%A')
      .set(...bearer(admin))
      .expect(400);
    expectShape(res.body, 'MALFORMED_REQUEST');
  });

  it('raw UTF-8 bytes in the URL are a 400 in the shape (Node refuses the request line)', async () => {
    const res = await rawRequest(
      ctx,
      Buffer.concat([
        Buffer.from('GET /api/'),
        Buffer.from('健康', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    );
    expect(res.status).toBe(400);
    expectShape(JSON.parse(res.body), 'MALFORMED_REQUEST');
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('headers too large are a 431 in the shape', async () => {
    const res = await rawRequest(
      ctx,
      Buffer.from(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(res.status).toBe(431);
    expectShape(JSON.parse(res.body), 'HEADERS_TOO_LARGE');
  });

  it('__proto__ and constructor keys are unknown fields (400 naming the field), at any depth', async () => {
    const cases: [string, string][] = [
      ['{"username":"a","password":"b","__proto__":{"isAdmin":true}}', '__proto__'],
      ['{"username":"a","password":"b","constructor":{"prototype":{"x":1}}}', 'constructor'],
      ['{"username":"a","password":"b","\\u005f_proto__":{"x":1}}', '__proto__'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx
        .http()
        .post('/api/auth/staff/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'UNKNOWN_FIELD', details: [{ field, message: '不允许的字段' }] });
      expect(res.body.message).toContain(field);
    }
    const nested = await ctx
      .http()
      .post('/api/admin/staff')
      .set(...bearer(admin))
      .set('Content-Type', 'application/json')
      .send(
        '{"username":"x1","displayName":"x","password":"Abcd1234","phone":"13811110000","orgUnitId":1,"roles":["city_officer"],"extra":{"a":{"__proto__":{}}}}',
      )
      .expect(400);
    expect(nested.body.details).toEqual([{ field: 'extra.a.__proto__', message: '不允许的字段' }]);
    const query = await ctx
      .http()
      .get('/api/admin/staff?__proto__[x]=1')
      .set(...bearer(admin))
      .expect(400);
    expect(query.body.code).toBe('UNKNOWN_FIELD');
  });

  it('NUL and bidi-override characters are refused in free text, with the field named', async () => {
    const sec = await ctx.org('MAS-YS-AM');
    const staff = (displayName: string) =>
      ctx
        .http()
        .post('/api/admin/staff')
        .set(...bearer(admin))
        .send({
          username: `bidi_${displayName.length}_${Date.now() % 100000}`,
          displayName,
          password: 'Abcd1234',
          phone: '13811113333',
          orgUnitId: sec.id,
          roles: ['station_officer'],
        });
    for (const bad of ['王\u0000五', '\u202Eabc', 'a\u202Ab', 'x\u2066y\u2069', 'abc\u202D']) {
      const res = await staff(bad).expect(400);
      expect([JSON.stringify(bad), res.body.code, res.body.details]).toEqual([
        JSON.stringify(bad),
        'VALIDATION_FAILED',
        [{ field: 'displayName', message: '不能包含空字符或文字方向控制符' }],
      ]);
    }
    const login = await ctx
      .http()
      .post('/api/auth/staff/login')
      .send({ username: 'ad\u0000min', password: 'x' })
      .expect(400);
    expect(login.body.details).toEqual([{ field: 'username', message: '不能包含空字符或文字方向控制符' }]);
    const query = await ctx
      .http()
      .get(`/api/admin/staff?q=${encodeURIComponent('张\u202E')}`)
      .set(...bearer(admin))
      .expect(400);
    expect(query.body.details).toEqual([{ field: 'q', message: '不能包含空字符或文字方向控制符' }]);
    // ordinary Chinese text, emoji and a right-to-left mark that is not an override pass
    await staff('王五 (平湖) 👮').expect(201);
  });
});

describe('Security headers, API docs, request ids, the embedded database file (e2e)', () => {
  let ctx: TestContext;
  let h5Dir: string;
  const inline = 'document.documentElement.style.fontSize = "20px";';
  beforeAll(async () => {
    h5Dir = mkdtempSync(path.join(tmpdir(), 'jh-h5-'));
    writeFileSync(
      path.join(h5Dir, 'index.html'),
      `<!DOCTYPE html><html><head><script>${inline}</script></head><body><div id="app"></div><script src="/js/app.js"></script></body></html>`,
    );
    ctx = await createTestApp({ H5_DIR: h5Dir, API_DOCS: 'staff' });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('API responses carry the security headers', async () => {
    const res = await ctx.http().get('/api/health').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    const err = await ctx.http().get('/api/no-such-thing').expect(404);
    expect(err.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the H5 app gets a content-security policy that allows its own scripts and exactly its inline one', async () => {
    const res = await ctx.http().get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' blob:");
  });

  it('with API_DOCS for staff, the OpenAPI UI and document need a staff bearer token', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
      const anon = await ctx.http().get(url);
      expect([url, anon.status, anon.body.code]).toEqual([url, 401, 'UNAUTHENTICATED']);
    }
    const vol = await ctx.loginWechat('zhangwei');
    const volRes = await ctx
      .http()
      .get('/api/docs-json')
      .set(...bearer(vol.accessToken));
    expect([volRes.status, volRes.body.code]).toEqual([403, 'FORBIDDEN']);
    const staff = await ctx.loginStaff('pinghu_station');
    const doc = await ctx
      .http()
      .get('/api/docs-json')
      .set(...bearer(staff.accessToken))
      .expect(200);
    expect(doc.body.paths['/api/health']).toBeDefined();
    const ui = await ctx
      .http()
      .get('/api/docs')
      .set(...bearer(staff.accessToken))
      .redirects(0);
    expect(ui.status).toBeLessThan(400);
  });

  it('API_DOCS=off: no docs at all', async () => {
    const off = await createTestApp({ API_DOCS: 'off' });
    try {
      for (const url of ['/api/docs', '/api/docs-json']) {
        const res = await off
          .http()
          .get(url)
          .set(...bearer((await off.loginStaff('admin')).accessToken));
        expect([url, res.status]).toEqual([url, 404]);
      }
    } finally {
      await off.close();
    }
  });

  it('a client-sent X-Request-Id is kept only when it is a UUID', async () => {
    const uuid = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    const kept = await ctx.http().get('/api/no-such-thing').set('X-Request-Id', uuid).expect(404);
    expect([kept.headers['x-request-id'], kept.body.requestId]).toEqual([uuid, uuid]);
    for (const forged of ['abc-12345678', 'admin-did-it', `${uuid}\u0000`, 'x'.repeat(64), `${uuid}-extra`]) {
      const res = await ctx
        .http()
        .get('/api/no-such-thing')
        .set('X-Request-Id', forged.replace('\u0000', ''))
        .expect(404);
      expect(res.body.requestId).toMatch(UUID);
      expect(res.body.requestId).not.toBe(forged);
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    }
  });

  (E2E_DB === 'sqlite' ? it : it.skip)('the embedded database file is created 0600 in a 0700 folder', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'jh-perm-'));
    const dataDir = path.join(base, 'nested', 'data');
    const app = await createTestApp({ DATA_DIR: dataDir });
    try {
      expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      expect((statSync(path.join(dataDir, 'jianghuai.sqlite')).mode & 0o777).toString(8)).toBe('600');
      // an existing folder that was too open is tightened
      await app.close();
      const loose = path.join(base, 'loose');
      mkdirSync(loose, { mode: 0o755 });
      const again = await createTestApp({ DATA_DIR: loose });
      await again.close();
      expect((statSync(loose).mode & 0o777).toString(8)).toBe('700');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
