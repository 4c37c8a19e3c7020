import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEV_SMS } from '../config/sms.config.js';
import { SmsSandbox, type SmsSandboxOptions } from './sms-sandbox.js';
import { PaySandbox } from './pay-sandbox.js';

/**
 * A local stand-in for the WeChat server API, speaking the same HTTP protocol the real client
 * code uses: code2Session, stable access token, phone number, subscribe messages. It never runs
 * in production (the server refuses to start with it). Control endpoints live under `/__sandbox/`
 * so tests can teach it phone codes and read what was sent. Phone codes of the form
 * `sandbox-phone-<mobile>` need no teaching. Tencent Cloud SMS is served on the same server (`POST /`
 * with `X-TC-Action`, see sms-sandbox.ts), with the development SMS credentials unless `sms` names others.
 * WeChat Pay v3 is served under `/v3/` (pay-sandbox.ts) with keys generated at start (`pay.keys`).
 */
export interface SandboxOptions {
  appId: string;
  secret: string;
  sms?: SmsSandboxOptions;
}

/** The SMS sandbox's registrations for the development values (config/sms.config.ts DEV_SMS). */
export const DEV_SMS_SANDBOX: SmsSandboxOptions = { ...DEV_SMS, templateIds: Object.values(DEV_SMS.templateIds) };

export interface SentSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

/** Login codes of the form `sandbox-<name>` map to a stable openid per name. */
export function sandboxOpenId(name: string): string {
  return 'sbx_' + createHash('sha256').update(`openid:${name}`).digest('base64url').slice(0, 24);
}

export class WechatSandbox {
  private server: Server | null = null;
  private readonly tokens = new Map<string, number>();
  private readonly phoneCodes = new Map<string, string>();
  readonly sentMessages: SentSubscribeMessage[] = [];
  /** Failure switch: the next N subscribe sends answer `errcode -1` (WeChat's "system busy") and are not recorded. */
  failSubscribeSends = 0;
  baseUrl = '';
  /** Tencent Cloud SMS: `sms.sentMessages`, switches `failNext`, `invalidNumbers`, `delayMs`. */
  readonly sms: SmsSandbox;
  /** WeChat Pay v3: `pay.keys`, `pay.markPaid()`, switches `drop`, `delayMs`, `duplicate`, `reorder`. */
  readonly pay: PaySandbox;

  constructor(private readonly opts: SandboxOptions) {
    this.sms = new SmsSandbox(opts.sms ?? DEV_SMS_SANDBOX);
    this.pay = new PaySandbox(opts.appId);
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => send(res, 500, { errcode: -1, errmsg: String(err) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const addr = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${addr.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Teach the sandbox that a getPhoneNumber code stands for this phone number. */
  registerPhoneCode(code: string, phoneNumber: string): void {
    this.phoneCodes.set(code, phoneNumber);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (req.method === 'POST' && url.pathname === '/' && req.headers['x-tc-action'])
      return this.sms.handle(req, await readText(req), res);
    if (url.pathname.startsWith('/v3/')) return this.pay.handle(req, await readText(req), res);
    const body = req.method === 'POST' ? await readJson(req) : {};
    if (body === undefined) return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /sns/jscode2session':
        return this.code2Session(url, res);
      case 'POST /cgi-bin/stable_token':
        return this.stableToken(body, res);
      case 'POST /wxa/business/getuserphonenumber':
        if (!this.tokenOk(url))
          return send(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' });
        return this.phoneNumber(body, res);
      case 'POST /cgi-bin/message/subscribe/send':
        if (!this.tokenOk(url))
          return send(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' });
        return this.subscribeSend(body, res);
      case 'POST /__sandbox/phone-codes': {
        const { code, phoneNumber } = body as { code?: string; phoneNumber?: string };
        if (!code || !phoneNumber) return send(res, 400, { error: 'code and phoneNumber are required' });
        this.registerPhoneCode(code, phoneNumber);
        return send(res, 200, { ok: true });
      }
      case 'GET /__sandbox/messages': {
        const touser = url.searchParams.get('touser');
        return send(res, 200, touser ? this.sentMessages.filter((m) => m.touser === touser) : this.sentMessages);
      }
      case 'DELETE /__sandbox/messages':
        this.sentMessages.length = 0;
        return send(res, 200, { ok: true });
      case 'POST /__sandbox/subscribe-failures': {
        const count = Number((body as { count?: unknown }).count);
        if (!Number.isInteger(count) || count < 0)
          return send(res, 400, { error: 'count must be a non-negative integer' });
        this.failSubscribeSends = count;
        return send(res, 200, { ok: true });
      }
      case 'POST /__sandbox/pay/pay': {
        // the H5 demo's stand-in for the payer confirming in WeChat: SUCCESS, then the notification
        const outTradeNo = String((body as { outTradeNo?: unknown }).outTradeNo ?? '');
        if (!this.pay.transactions.has(outTradeNo)) return send(res, 404, { error: 'no such order' });
        return send(res, 200, await this.pay.markPaid(outTradeNo).catch((err: Error) => ({ error: err.message })));
      }
      case 'POST /__sandbox/pay/switches': {
        // notifications: { drop?: N, delayMs?: ms, duplicate?: copies, reorder?: boolean } (reorder false flushes)
        const problem = this.pay.setSwitches(body);
        return problem ? send(res, 400, { error: problem }) : send(res, 200, { ok: true });
      }
      case 'GET /__sandbox/pay/deliveries':
        return send(res, 200, this.pay.deliveries);
        return send(res, 200, this.sms.sentMessages);
      case 'GET /__sandbox/health':
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { errcode: 404, errmsg: `sandbox has no ${route}` });
    }
  }

  private code2Session(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    if (q.get('appid') !== this.opts.appId || q.get('secret') !== this.opts.secret) {
      return sendText(res, { errcode: 40013, errmsg: 'invalid appid' });
    }
    if (q.get('grant_type') !== 'authorization_code')
      return sendText(res, { errcode: 40002, errmsg: 'invalid grant_type' });
    const code = q.get('js_code') ?? '';
    const m = /^sandbox-([A-Za-z0-9_-]{1,40})$/.exec(code);
    if (!m) return sendText(res, { errcode: 40029, errmsg: 'invalid code' });
    const openid = sandboxOpenId(m[1]);
    // WeChat serves this endpoint as text/plain; the client must parse the text.
    return sendText(res, { openid, session_key: randomBytes(16).toString('base64'), unionid: `u_${openid.slice(4)}` });
  }

  private stableToken(body: Record<string, unknown>, res: ServerResponse): void {
    if (body.grant_type !== 'client_credential' || body.appid !== this.opts.appId || body.secret !== this.opts.secret) {
      return send(res, 200, { errcode: 40013, errmsg: 'invalid appid or secret' });
    }
    const existing = [...this.tokens.entries()].find(([, exp]) => exp > Date.now());
    if (existing && body.force_refresh !== true) {
      return send(res, 200, { access_token: existing[0], expires_in: Math.floor((existing[1] - Date.now()) / 1000) });
    }
    const token = 'sbx_at_' + randomBytes(18).toString('base64url');
    this.tokens.set(token, Date.now() + 7200_000);
    return send(res, 200, { access_token: token, expires_in: 7200 });
  }

  private tokenOk(url: URL): boolean {
    const exp = this.tokens.get(url.searchParams.get('access_token') ?? '');
    return exp !== undefined && exp > Date.now();
  }

  private phoneNumber(body: Record<string, unknown>, res: ServerResponse): void {
    const code = String(body.code ?? '');
    // Taught codes first; `sandbox-phone-<mobile>` stands for that number, so the H5 demo (which
    // has no getPhoneNumber button) can verify a typed number.
    const phone = this.phoneCodes.get(code) ?? /^sandbox-phone-(1[3-9]\d{9})$/.exec(code)?.[1];
    if (!phone) return send(res, 200, { errcode: 40029, errmsg: 'invalid code' });
    return send(res, 200, {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: this.opts.appId },
      },
    });
  }

  private subscribeSend(body: Record<string, unknown>, res: ServerResponse): void {
    const { touser, template_id, page, data } = body as Partial<SentSubscribeMessage>;
    if (!touser || !template_id || !data || typeof data !== 'object')
      return send(res, 200, { errcode: 47003, errmsg: 'argument invalid!' });
    if (this.failSubscribeSends > 0) {
      this.failSubscribeSends--;
      return send(res, 200, { errcode: -1, errmsg: 'system error' });
    }
    this.sentMessages.push({ touser, template_id, page, data, sentAt: new Date().toISOString() });
    return send(res, 200, { errcode: 0, errmsg: 'ok', msgid: this.sentMessages.length });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(JSON.stringify(body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const text = await readText(req);
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
