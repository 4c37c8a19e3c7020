import { describe, expect, it, vi } from 'vitest';
import { ERRORS, ROUTES } from '@jianghuai/shared';
import {
  createHttpClient,
  HttpError,
  NETWORK_ERROR_MESSAGE,
  type HttpClientDeps,
  type TransportRequest,
  type TransportResponse,
} from '../../src/services/http-client';
import { memoryTokenStore } from '../../src/services/token-store';

const BASE = 'http://api.test/api';

type Handler = (req: TransportRequest) => TransportResponse | Promise<TransportResponse>;

/** A fake server: routes by path, records every request, answers after a tick like a network. */
function fakeServer(handlers: Record<string, Handler>) {
  const calls: TransportRequest[] = [];
  const transport = vi.fn(async (req: TransportRequest) => {
    calls.push(req);
    await new Promise((r) => setTimeout(r, 1));
    const path = req.url.slice(BASE.length).split('?')[0];
    const handler = handlers[path];
    if (!handler) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return handler(req);
  });
  return { transport, calls, pathsCalled: () => calls.map((c) => c.url.slice(BASE.length).split('?')[0]) };
}

const expired = { statusCode: 401, data: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } };
const bearer = (req: TransportRequest) => req.header.Authorization;

function setup(handlers: Record<string, Handler>, tokens = { accessToken: 'old-access', refreshToken: 'old-refresh' }) {
  const server = fakeServer(handlers);
  const store = memoryTokenStore(tokens);
  const notify = vi.fn<(message: string) => void>();
  const onSessionLost = vi.fn<(error: HttpError) => void>();
  const deps: HttpClientDeps = { baseUrl: BASE, transport: server.transport, tokens: store, notify, onSessionLost };
  const sut = createHttpClient(deps);
  return { sut, server, store, notify, onSessionLost };
}

/** /me answers 200 only for the fresh token, like the real server after a rotation. */
const meHandler: Handler = (req) =>
  bearer(req) === 'Bearer new-access' ? { statusCode: 200, data: { id: 1, displayName: '张伟' } } : expired;

const refreshOk: Handler = () => ({
  statusCode: 200,
  data: { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user: { id: 1 } },
});

describe('createHttpClient', () => {
  it('sends the bearer token and returns the body of a 2xx answer', async () => {
    const { sut, server } = setup({ [ROUTES.me]: () => ({ statusCode: 200, data: { id: 7 } }) });
    await expect(sut.get(ROUTES.me)).resolves.toEqual({ id: 7 });
    expect(bearer(server.calls[0])).toBe('Bearer old-access');
  });

  it('puts query parameters in the URL and leaves out empty ones', async () => {
    const { sut, server } = setup({ [ROUTES.adminStaff]: () => ({ statusCode: 200, data: { items: [] } }) });
    await sut.get(ROUTES.adminStaff, { page: 2, pageSize: 20, q: '王 所', empty: '', none: undefined });
    expect(server.calls[0].url).toBe(`${BASE}${ROUTES.adminStaff}?page=2&pageSize=20&q=%E7%8E%8B%20%E6%89%80`);
  });

  it('on 401 TOKEN_EXPIRED refreshes once, stores the new pair and retries the call', async () => {
    const { sut, server, store } = setup({ [ROUTES.me]: meHandler, [ROUTES.refresh]: refreshOk });
    await expect(sut.get(ROUTES.me)).resolves.toEqual({ id: 1, displayName: '张伟' });
    expect(server.pathsCalled()).toEqual([ROUTES.me, ROUTES.refresh, ROUTES.me]);
    expect(server.calls[1].data).toEqual({ refreshToken: 'old-refresh' });
    expect(bearer(server.calls[1])).toBeUndefined();
    expect(bearer(server.calls[2])).toBe('Bearer new-access');
    expect(store.get()).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh' });
  });

  it('also refreshes on 401 UNAUTHENTICATED', async () => {
    const { sut, server } = setup({
      [ROUTES.me]: (req) =>
        bearer(req) === 'Bearer new-access'
          ? { statusCode: 200, data: { ok: true } }
          : { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } },
      [ROUTES.refresh]: refreshOk,
    });
    await expect(sut.get(ROUTES.me)).resolves.toEqual({ ok: true });
    expect(server.pathsCalled()).toEqual([ROUTES.me, ROUTES.refresh, ROUTES.me]);
  });

  it('concurrent 401s share ONE refresh and all succeed', async () => {
    const { sut, server } = setup({
      [ROUTES.me]: meHandler,
      [ROUTES.adminStaff]: (req) =>
        bearer(req) === 'Bearer new-access' ? { statusCode: 200, data: 'staff' } : expired,
      [ROUTES.adminAuditLogs]: (req) =>
        bearer(req) === 'Bearer new-access' ? { statusCode: 200, data: 'logs' } : expired,
      [ROUTES.refresh]: refreshOk,
    });
    const results = await Promise.all([
      sut.get(ROUTES.me),
      sut.get(ROUTES.adminStaff),
      sut.get(ROUTES.adminAuditLogs),
      sut.get(ROUTES.me),
    ]);
    expect(results).toEqual([{ id: 1, displayName: '张伟' }, 'staff', 'logs', { id: 1, displayName: '张伟' }]);
    expect(server.pathsCalled().filter((p) => p === ROUTES.refresh)).toHaveLength(1);
  });

  it('a 401 that arrives after another call already refreshed retries without refreshing again', async () => {
    // The slow call was sent with the old token; by the time its 401 arrives the pair has rotated.
    // Refreshing again with the rotated-out token would be reported as reuse and end the session.
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((r) => (releaseSlow = r));
    const { sut, server } = setup({
      [ROUTES.me]: meHandler,
      [ROUTES.adminStaff]: async (req) => {
        if (bearer(req) === 'Bearer new-access') return { statusCode: 200, data: 'staff' };
        await slowGate;
        return expired;
      },
      [ROUTES.refresh]: refreshOk,
    });
    const slow = sut.get(ROUTES.adminStaff);
    await sut.get(ROUTES.me); // refreshes
    releaseSlow();
    await expect(slow).resolves.toBe('staff');
    expect(server.pathsCalled().filter((p) => p === ROUTES.refresh)).toHaveLength(1);
  });

  it('when the refresh is refused: clears the tokens, tells the app once, and every waiting call fails', async () => {
    const { sut, store, notify, onSessionLost } = setup({
      [ROUTES.me]: () => expired,
      [ROUTES.adminStaff]: () => expired,
      [ROUTES.refresh]: () => ({
        statusCode: 401,
        data: { code: 'REFRESH_TOKEN_REUSED', message: ERRORS.REFRESH_TOKEN_REUSED.message },
      }),
    });
    const results = await Promise.allSettled([sut.get(ROUTES.me), sut.get(ROUTES.adminStaff)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const error = (results[0] as PromiseRejectedResult).reason as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('REFRESH_TOKEN_REUSED');
    expect(store.get()).toBeNull();
    expect(onSessionLost).toHaveBeenCalledTimes(1);
    expect(onSessionLost.mock.calls[0][0].code).toBe('REFRESH_TOKEN_REUSED');
    // The session-lost handler shows the message; the failed calls do not toast it again.
    expect(notify).not.toHaveBeenCalled();
  });

  it('when the retried call is still 401 after a refresh, the session ends instead of looping', async () => {
    const { sut, server, store, onSessionLost } = setup({ [ROUTES.me]: () => expired, [ROUTES.refresh]: refreshOk });
    await expect(sut.get(ROUTES.me)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(server.pathsCalled()).toEqual([ROUTES.me, ROUTES.refresh, ROUTES.me]);
    expect(store.get()).toBeNull();
    expect(onSessionLost).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh fails because the server is down (5xx)', async () => {
    const { sut, store, onSessionLost, notify } = setup({
      [ROUTES.me]: () => expired,
      [ROUTES.refresh]: () => ({
        statusCode: 503,
        data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' },
      }),
    });
    await expect(sut.get(ROUTES.me)).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(store.get()).not.toBeNull();
    expect(onSessionLost).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledWith('服务器开小差了，请稍后再试');
  });

  it('a login ended on the server (SESSION_ENDED) goes straight to the login page: no refresh, one notice', async () => {
    const ended: Handler = () => ({
      statusCode: 401,
      data: { code: 'SESSION_ENDED', message: '本次登录已结束（已退出或已被注销），请重新登录' },
    });
    const { sut, server, store, onSessionLost } = setup({ [ROUTES.me]: ended, [ROUTES.refresh]: refreshOk });
    await expect(sut.get(ROUTES.me)).rejects.toMatchObject({ code: 'SESSION_ENDED' });
    expect(server.pathsCalled()).toEqual([ROUTES.me]);
    expect(store.get()).toBeNull();
    expect(onSessionLost).toHaveBeenCalledTimes(1);
    expect(onSessionLost.mock.calls[0][0].message).toContain('请重新登录');
  });

  it('a 401 with no session at all sends the person to log in', async () => {
    const { sut, server, onSessionLost } = setup({ [ROUTES.me]: () => expired }, null as never);
    await expect(sut.get(ROUTES.me)).rejects.toBeInstanceOf(HttpError);
    expect(server.pathsCalled()).toEqual([ROUTES.me]);
    expect(onSessionLost).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for unauthenticated calls such as a wrong password', async () => {
    const { sut, server, notify } = setup({
      [ROUTES.staffLogin]: () => ({
        statusCode: 401,
        data: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', requestId: 'r-1' },
      }),
    });
    const error = await sut.post(ROUTES.staffLogin, { username: 'a', password: 'b' }, { auth: false }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      status: 401,
      requestId: 'r-1',
      message: '用户名或密码错误',
    });
    expect(server.pathsCalled()).toEqual([ROUTES.staffLogin]);
    expect(bearer(server.calls[0])).toBeUndefined();
    expect(notify).toHaveBeenCalledWith('用户名或密码错误');
  });

  it('toasts the server message for an error code', async () => {
    const { sut, notify } = setup({
      [ROUTES.adminStaff]: () => ({
        statusCode: 403,
        data: { code: 'FORBIDDEN', message: '您不能查看其他派出所的人员' },
      }),
    });
    await expect(sut.get(ROUTES.adminStaff)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(notify).toHaveBeenCalledExactlyOnceWith('您不能查看其他派出所的人员');
  });

  it('falls back to the shared Chinese message when the server sends a code without a message', async () => {
    const { sut, notify } = setup({
      [ROUTES.adminStaff]: () => ({ statusCode: 429, data: { code: 'RATE_LIMITED', message: '' } }),
    });
    await expect(sut.get(ROUTES.adminStaff)).rejects.toMatchObject({ message: ERRORS.RATE_LIMITED.message });
    expect(notify).toHaveBeenCalledWith(ERRORS.RATE_LIMITED.message);
  });

  it('explains a non-JSON failure (a proxy error page) in Chinese', async () => {
    const { sut, notify } = setup({ [ROUTES.me]: () => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }) });
    await expect(sut.get(ROUTES.me)).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(notify).toHaveBeenCalledWith(ERRORS.INTERNAL_ERROR.message);
  });

  it('says the network is weak when no answer comes back', async () => {
    const notify = vi.fn();
    const sut = createHttpClient({
      baseUrl: BASE,
      transport: () => Promise.reject(new Error('request:fail timeout')),
      tokens: memoryTokenStore({ accessToken: 'a', refreshToken: 'r' }),
      notify,
      onSessionLost: vi.fn(),
    });
    const error = (await sut.get(ROUTES.me).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.isNetworkError).toBe(true);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    expect(notify).toHaveBeenCalledWith('网络不给力，请检查网络后重试');
  });

  it('does not toast when the caller shows the error itself', async () => {
    const { sut, notify } = setup({
      [ROUTES.me]: () => ({ statusCode: 404, data: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } }),
    });
    await expect(sut.get(ROUTES.me, undefined, { toast: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(notify).not.toHaveBeenCalled();
  });
});
