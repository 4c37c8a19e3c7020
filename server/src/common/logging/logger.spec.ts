import Fastify from 'fastify';
import { createLogger, NestPinoLogger, REDACTED } from './logger.js';
import { requestContext } from './request-context.js';
import { fastifyLogging, requestIdHook } from './request-logging.hook.js';

/** A pino logger whose lines land in `lines`, parsed. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('logger (pino)', () => {
  it('writes one JSON object per line, and hides tokens, passwords and personal data', () => {
    const { log, lines } = capture();
    log.warn(
      {
        headers: { authorization: 'Bearer eyJ.secret', cookie: 'sid=abc', 'user-agent': 'wechat' },
        password: 'Jhyj@2026',
        refreshToken: 'rt-1',
        volunteer: { name: '张三', phone: '13800000000', idNumber: '340100199001011234', openid: 'o-123' },
        body: { code: 'wx-login-code' },
        code: 'WECHAT_UNAVAILABLE',
      },
      'request failed',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'request failed',
      headers: { authorization: REDACTED, cookie: REDACTED, 'user-agent': 'wechat' },
      password: REDACTED,
      refreshToken: REDACTED,
      volunteer: { name: '张三', phone: REDACTED, idNumber: REDACTED, openid: REDACTED },
      body: { code: REDACTED },
      code: 'WECHAT_UNAVAILABLE', // an error code, not a login code
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      'eyJ.secret',
      'sid=abc',
      'Jhyj@2026',
      'rt-1',
      '13800000000',
      '340100199001011234',
      'wx-login',
    ])
      expect(text).not.toContain(secret);
  });

  it('adds the request id of the request being served to application lines', () => {
    const { log, lines } = capture();
    requestContext.run({ requestId: 'req-12345678' }, () => log.info({ job: 'x' }, 'job finished'));
    log.info('outside any request');
    expect(lines[0]).toMatchObject({ requestId: 'req-12345678', msg: 'job finished', job: 'x' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('drops lines below the configured level', () => {
    const { log, lines } = capture('warn');
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });

  it("keeps Nest's (message, stack, context) error calls readable and its start-up chatter at debug", () => {
    const { log, lines } = capture();
    const nest = new NestPinoLogger(log);
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    nest.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    nest.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'boom',
        stack: 'Error: boom\n    at x',
        context: 'ExceptionsHandler',
      }),
      expect.objectContaining({
        level: 'info',
        msg: 'Nest application successfully started',
        context: 'NestApplication',
      }),
    ]);
  });
});

describe("Fastify's request id and request log", () => {
  let fastify: { close(): Promise<unknown> };
  afterEach(() => fastify.close());

  async function app() {
    const { log, lines } = capture();
    const server = Fastify(fastifyLogging(log));
    fastify = server;
    server.addHook('onRequest', requestIdHook);
    server.get('/api/ping', async (req) => {
      log.info({ headers: req.headers }, 'handler'); // an application line inside the request
      return { ok: true };
    });
    server.get('/index.html', async () => 'h5');
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    /** GET over real HTTP; resolves once Fastify has written its access line (or after 2 s). */
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const before = lines.length;
      const res = await fetch(base + url, { headers });
      await res.text();
      for (let i = 0; i < 200 && url.startsWith('/api') && !lines.slice(before).some((l) => l.msg === 'http'); i++)
        await new Promise((r) => setTimeout(r, 10));
      return res;
    };
    return { lines, get };
  }

  it('keeps a UUID X-Request-Id, echoes it and labels the access line and application lines with it', async () => {
    const { lines, get } = await app();
    const sent = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    const res = await get('/api/ping?code=wx-login-code', { 'x-request-id': sent, authorization: 'Bearer eyJ.secret' });
    const id = sent.toLowerCase();
    expect(res.headers.get('x-request-id')).toBe(id);
    expect(lines.filter((l) => l.requestId)).toEqual([
      expect.objectContaining({ msg: 'handler', requestId: id }),
      expect.objectContaining({ msg: 'http', requestId: id, method: 'GET', path: '/api/ping', status: 200 }),
    ]);
    expect(lines.find((l) => l.msg === 'http')?.ms).toEqual(expect.any(Number));
    expect(lines.find((l) => l.msg === 'handler')?.headers).toMatchObject({ authorization: REDACTED });
    expect(JSON.stringify(lines)).not.toMatch(/eyJ\.secret|wx-login-code/);
  });

  it('replaces any other X-Request-Id with a fresh UUID, and logs no line for static files', async () => {
    const { lines, get } = await app();
    const res = await get('/api/ping', { 'x-request-id': 'forged {"level":50}' });
    const id = res.headers.get('x-request-id') as string;
    expect(id).toMatch(UUID);
    expect(lines.at(-1)).toMatchObject({ msg: 'http', requestId: id });
    const before = lines.length;
    await get('/index.html');
    expect(lines).toHaveLength(before);
  });
});
