import { messageFor, ROUTES, type ApiError, type LoginResponse } from '@jianghuai/shared';
import type { StoredTokens, TokenStore } from './token-store';

export const NETWORK_ERROR_CODE = 'NETWORK_ERROR';
export const NETWORK_ERROR_MESSAGE = '网络不给力，请检查网络后重试';

/** Codes on a 401 that mean "the access token is no good: refresh and try once more". */
const REFRESHABLE_CODES = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);
/** Codes on a 401 that mean "this login is over" (logged out elsewhere, revoked, account disabled): no refresh can help. */
const SESSION_OVER_CODES = new Set(['SESSION_ENDED', 'ACCOUNT_DISABLED']);

/** Every failure a caller sees: server errors keep the server's code and Chinese message. */
export class HttpError extends Error implements ApiError {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  readonly requestId?: string;

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'HttpError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = body.requestId;
  }

  get isNetworkError(): boolean {
    return this.code === NETWORK_ERROR_CODE;
  }
}

// No PATCH: WeChat's wx.request cannot send it (updates are PUTs carrying any subset of fields).
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportRequest {
  url: string;
  method: HttpMethod;
  data?: unknown;
  header: Record<string, string>;
}

export interface TransportResponse {
  statusCode: number;
  data: unknown;
}

/** Sends one request; rejects only when no HTTP answer came back (offline, timeout, DNS …). */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface HttpClientDeps {
  /** e.g. `http://127.0.0.1:3000/api` or `/api`. */
  baseUrl: string;
  transport: Transport;
  tokens: TokenStore;
  /** Shows a short message to the person (a toast on the phone). */
  notify: (message: string) => void;
  /** The session is gone (refresh refused, or no refresh token): send the person to log in. */
  onSessionLost: (error: HttpError) => void;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send the bearer token and refresh on 401. Default true. */
  auth?: boolean;
  /** Show the error message as a toast. Default true; pages that show errors inline pass false. */
  toast?: boolean;
}

export interface HttpClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const params = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${baseUrl}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** Turns whatever came back into the contract's error shape, in Chinese. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && typeof (body as ApiError).code === 'string') {
    const { code, message, details, requestId } = body as ApiError;
    return {
      code,
      message: typeof message === 'string' && message.trim() ? message : messageFor(code),
      details,
      requestId,
    };
  }
  // A proxy page or an empty body: no code from our server.
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'ROUTE_NOT_FOUND' : 'INTERNAL_ERROR';
  return { code, message: messageFor(code) };
}

function networkError(): HttpError {
  return new HttpError(0, { code: NETWORK_ERROR_CODE, message: NETWORK_ERROR_MESSAGE });
}

function isLoginResponse(data: unknown): data is LoginResponse {
  const d = data as LoginResponse | null;
  return !!d && typeof d.accessToken === 'string' && typeof d.refreshToken === 'string';
}

type RefreshOutcome = { ok: true } | { ok: false; error: HttpError };

type Send = (
  method: HttpMethod,
  path: string,
  options: RequestOptions,
  accessToken: string | null,
) => Promise<TransportResponse>;

/** Sends one JSON request, with the bearer token when given; no answer at all is the network error. */
function jsonSender(baseUrl: string, transport: Transport): Send {
  return async (method, path, options, accessToken) => {
    const header: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) header['Content-Type'] = 'application/json';
    if (accessToken) header.Authorization = `Bearer ${accessToken}`;
    try {
      return await transport({ url: buildUrl(baseUrl, path, options.query), method, data: options.body, header });
    } catch {
      throw networkError();
    }
  };
}

/** Refreshes the tokens: concurrent 401s wait on the one refresh in flight instead of starting their own. */
function singleRefresher(send: Send, tokens: TokenStore): (current: StoredTokens) => Promise<RefreshOutcome> {
  let refreshing: Promise<RefreshOutcome> | null = null;

  async function doRefresh(current: StoredTokens): Promise<RefreshOutcome> {
    const res = await send('POST', ROUTES.refresh, { body: { refreshToken: current.refreshToken } }, null);
    if (res.statusCode >= 200 && res.statusCode < 300 && isLoginResponse(res.data)) {
      tokens.set(res.data);
      return { ok: true };
    }
    const error = new HttpError(res.statusCode, toApiError(res.statusCode, res.data));
    // A server failure is not a verdict on the token: keep the session and report the failure.
    if (res.statusCode >= 500) throw error;
    return { ok: false, error };
  }

  return (current) => {
    refreshing ??= doRefresh(current).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
}

export function createHttpClient(deps: HttpClientDeps): HttpClient {
  const { baseUrl, transport, tokens, notify, onSessionLost } = deps;
  const send = jsonSender(baseUrl, transport);
  const refreshOnce = singleRefresher(send, tokens);
  /** Errors already announced by onSessionLost: callers must not toast them again. */
  const announced = new WeakSet<HttpError>();

  /** Clears the tokens and tells the app once, however many calls were waiting. */
  function endSession(error: HttpError): HttpError {
    announced.add(error);
    if (tokens.get()) {
      tokens.clear();
      onSessionLost(error);
    }
    return error;
  }

  async function attempt<T>(
    method: HttpMethod,
    path: string,
    options: RequestOptions,
    mayRefresh: boolean,
  ): Promise<T> {
    const useAuth = options.auth !== false;
    const sentWith = useAuth ? tokens.get() : null;
    const res = await send(method, path, options, sentWith?.accessToken ?? null);
    if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;

    const error = new HttpError(res.statusCode, toApiError(res.statusCode, res.data));
    if (useAuth && sentWith && res.statusCode === 401 && SESSION_OVER_CODES.has(error.code)) throw endSession(error);
    const refreshable = useAuth && res.statusCode === 401 && REFRESHABLE_CODES.has(error.code);
    if (!refreshable) throw error;

    if (!sentWith) {
      // Never signed in on this device: straight to the login page.
      announced.add(error);
      onSessionLost(error);
      throw error;
    }
    const current = tokens.get();
    if (!current) {
      // A concurrent call already ended the session and told the app.
      announced.add(error);
      throw error;
    }
    if (!mayRefresh) throw endSession(error);
    // Another call refreshed while this one was in flight: retry with the new token, no new refresh
    // (refreshing again with the rotated-out token would be reported as reuse).
    if (current.accessToken !== sentWith.accessToken) return attempt<T>(method, path, options, false);

    const outcome = await refreshOnce(current);
    if (!outcome.ok) throw endSession(outcome.error);
    return attempt<T>(method, path, options, false);
  }

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    try {
      return await attempt<T>(method, path, options, true);
    } catch (caught) {
      const error = caught instanceof HttpError ? caught : networkError();
      if (options.toast !== false && !announced.has(error)) notify(error.message);
      throw error;
    }
  }

  return {
    request,
    get: (path, query, options) => request('GET', path, { ...options, query }),
    post: (path, body, options) => request('POST', path, { ...options, body }),
  };
}
