import {
  createCipheriv,
  createHash,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The merchant's and WeChat Pay's ("platform") keys, generated when the sandbox starts (public-key mode). */
export interface PaySandboxKeys {
  mchId: string;
  appId: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  platformSerial: string;
  platformPrivateKey: string;
  platformPublicKey: string;
  apiV3Key: string;
}

export interface SandboxTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type: 'JSAPI';
  trade_state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  trade_state_desc: string;
  description: string;
  attach?: string;
  success_time?: string;
  payer: { openid: string };
  amount: { total: number; payer_total?: number; currency: 'CNY'; payer_currency?: 'CNY' };
  prepayId: string;
  notifyUrl: string;
}

export interface SandboxRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  status: 'PROCESSING' | 'SUCCESS';
  success_time?: string;
  create_time: string;
  channel: 'ORIGINAL';
  user_received_account: string;
  amount: { refund: number; total: number; payer_refund: number; payer_total: number; currency: 'CNY' };
  notifyUrl?: string;
}

/** One attempt to deliver a notification to the merchant. */
export interface PayDelivery {
  notificationId: string;
  eventType: string;
  url: string;
  attempt: number;
  status: number;
}

export interface SignedNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** WeChat Pay's retry schedule after a failed delivery, in seconds (15 s … 6 h, about 24 h in all). */
export const PAY_NOTIFY_RETRY_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

/**
 * The columns of a trade bill with bill_type ALL, in WeChat Pay's order, and its summary header. Written here again on
 * purpose rather than imported from the payments module's parser (`TRADE_BILL_COLUMNS`): the sandbox plays WeChat
 * Pay's side from WeChat Pay's documentation, so a mistake in the parser's list fails the bill test instead of being
 * shared by both sides.
 */
const BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
];
const BILL_SUMMARY = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

const AUTH = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;
const MAX_SKEW_S = 300;
const OUT_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[A-Za-z0-9_\-|*@]{1,64}$/;

let processKeys: Omit<PaySandboxKeys, 'appId'> | null = null;

/** One set of keys per process: RSA generation is slow, and every test app's sandbox may share them. */
function sandboxKeys(): Omit<PaySandboxKeys, 'appId'> {
  if (processKeys) return processKeys;
  const pair = () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      pub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  };
  const merchant = pair();
  const platform = pair();
  processKeys = {
    mchId: '1900000001',
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: merchant.priv,
    merchantPublicKey: merchant.pub,
    platformSerial: `PUB_KEY_ID_01${randomBytes(14).toString('hex').toUpperCase()}`,
    platformPrivateKey: platform.priv,
    platformPublicKey: platform.pub,
    apiV3Key: randomBytes(16).toString('hex'),
  };
  return processKeys;
}

/** WeChat Pay's time format: RFC 3339 with +08:00. */
function payTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/**
 * A stand-in for WeChat Pay v3 on the sandbox server (paths under `/v3/`): JSAPI prepay, query and close
 * by out_trade_no, refund and refund query. It checks each request's Authorization as WeChat Pay does
 * (WECHATPAY2-SHA256-RSA2048: merchant id, serial, a timestamp within 5 minutes, the RSA-SHA256 signature
 * over `METHOD\nPATH\ntimestamp\nnonce\nbody\n` with the merchant's public key; otherwise 401 SIGN_ERROR)
 * and signs every answer with the platform key (Wechatpay-Signature/Timestamp/Nonce/Serial). Payments
 * live in memory: prepay → NOTPAY, `markPaid` (or `POST /__sandbox/pay/pay`) → SUCCESS and a notification,
 * close → CLOSED, refund → PROCESSING then SUCCESS and a refund notification. Notifications are signed
 * and AES-256-GCM encrypted, posted to the order's notify_url and retried on WeChat Pay's schedule
 * (multiplied by `retryScale`). Switches: `drop` (the next N notifications are never sent), `delayMs`,
 * `duplicate` (copies sent at once), `reorder` (held until `flush()`, then sent newest first).
 */
export class PaySandbox {
  readonly keys: PaySandboxKeys;
  readonly transactions = new Map<string, SandboxTransaction>();
  readonly refunds = new Map<string, SandboxRefund>();
  readonly deliveries: PayDelivery[] = [];
  /** the notifications built so far, as sent (tests tamper with copies of them) */
  readonly notifications: SignedNotification[] = [];
  drop = 0;
  delayMs = 0;
  duplicate = 1;
  reorder = false;
  retryScale = 1;
  /** the next N API calls (after the signature check) answer 500 SYSTEM_ERROR, as WeChat Pay does when busy */
  apiFailures = 0;
  /** how long a refund stays PROCESSING */
  refundDelayMs = 20;
  /** the clock of payment times and notification timestamps (the test app sets its own Clock) */
  now: () => number = () => Date.now();
  /** how a notification reaches the merchant; answers the HTTP status (tests post in-process) */
  deliver: (n: SignedNotification) => Promise<number> = async (n) =>
    (await fetch(n.url, { method: 'POST', headers: n.headers, body: n.body })).status;
  /** trade-bill download tokens → the bill's text */
  private readonly bills = new Map<string, string>();
  private held: SignedNotification[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private seq = 0;

  constructor(appId: string) {
    this.keys = { ...sandboxKeys(), appId };
  }

  /** The server's WECHAT_PAY_* settings for this sandbox at `base`. */
  appEnv(base: string, notifyUrl: string): Record<string, string> {
    return {
      WECHAT_PAY_API_BASE: base,
      WECHAT_PAY_MCHID: this.keys.mchId,
      WECHAT_PAY_APPID: this.keys.appId,
      WECHAT_PAY_SERIAL: this.keys.merchantSerial,
      WECHAT_PAY_PRIVATE_KEY: this.keys.merchantPrivateKey,
      WECHAT_PAY_APIV3_KEY: this.keys.apiV3Key,
      WECHAT_PAY_PLATFORM_SERIAL: this.keys.platformSerial,
      WECHAT_PAY_PLATFORM_PUBLIC_KEY: this.keys.platformPublicKey,
      WECHAT_PAY_NOTIFY_URL: notifyUrl,
    };
  }

  async handle(req: IncomingMessage, rawBody: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    if (!this.authorized(req, method, req.url ?? '/', rawBody))
      return this.reply(res, 401, { code: 'SIGN_ERROR', message: '签名错误' });
    if (this.apiFailures > 0) {
      this.apiFailures--;
      return this.reply(res, 500, { code: 'SYSTEM_ERROR', message: '系统错误' });
    }
    let body: Record<string, unknown> = {};
    try {
      if (rawBody) body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '请求体不是 JSON' });
    }
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return this.prepay(body, res);
    if (method === 'GET' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path)))
      return this.query(decodeURIComponent(m[1]), url, res);
    if (method === 'POST' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path)))
      return this.close(decodeURIComponent(m[1]), body, res);
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return this.refund(body, res);
    if (method === 'GET' && path === '/v3/bill/tradebill') return this.tradeBill(url, res);
    if (method === 'GET' && path === '/v3/billdownload/file') {
      const bill = this.bills.get(url.searchParams.get('token') ?? '');
      if (bill === undefined)
        return this.reply(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '账单不存在或已过期' });
      return this.replyText(res, bill);
    }
    if (method === 'GET' && (m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path))) {
      const refund = this.refunds.get(decodeURIComponent(m[1]));
      if (!refund) return this.reply(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
      return this.reply(res, 200, publicRefund(refund));
    }
    return this.reply(res, 404, { code: 'NOT_FOUND', message: `sandbox has no ${method} ${path}` });
  }

  /** The payer paid: SUCCESS, and the payment notification goes out. */
  async markPaid(outTradeNo: string): Promise<SandboxTransaction> {
    const tx = this.transactions.get(outTradeNo);
    if (!tx || tx.trade_state !== 'NOTPAY') throw new Error(`no unpaid sandbox order ${outTradeNo}`);
    Object.assign(tx, {
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      transaction_id: `4200${Date.now()}${String(++this.seq).padStart(6, '0')}`.slice(0, 28),
      success_time: payTime(this.now()),
      amount: { ...tx.amount, payer_total: tx.amount.total, payer_currency: 'CNY' },
    });
    this.notify(tx.notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', '支付成功', publicTransaction(tx));
    return tx;
  }

  /** Builds a signed, encrypted notification as WeChat Pay sends it (`signedAtMs`: its Wechatpay-Timestamp). */
  buildNotification(
    url: string,
    eventType: string,
    originalType: 'transaction' | 'refund',
    summary: string,
    resource: object,
    signedAtMs = this.now(),
  ): SignedNotification {
    const nonce = randomBytes(6).toString('hex');
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(this.keys.apiV3Key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from(originalType));
    const encrypted = Buffer.concat([
      cipher.update(JSON.stringify(resource), 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: payTime(signedAtMs),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encrypted.toString('base64'),
        associated_data: originalType,
        nonce,
      },
    });
    return { url, headers: this.signedHeaders(body, signedAtMs), body };
  }

  /** The switches from the control endpoint; answers a problem, or null when all were set. */
  setSwitches(body: Record<string, unknown>): string | null {
    const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
    const { drop, delayMs, duplicate, reorder } = body;
    if (drop !== undefined && !count(drop)) return 'drop must be a non-negative integer';
    if (delayMs !== undefined && !count(delayMs)) return 'delayMs must be a non-negative integer';
    if (duplicate !== undefined && (!count(duplicate) || (duplicate as number) < 1 || (duplicate as number) > 100))
      return 'duplicate must be an integer from 1 to 100';
    if (reorder !== undefined && typeof reorder !== 'boolean') return 'reorder must be true or false';
    if (drop !== undefined) this.drop = drop as number;
    if (delayMs !== undefined) this.delayMs = delayMs as number;
    if (duplicate !== undefined) this.duplicate = duplicate as number;
    if (reorder !== undefined) {
      this.reorder = reorder as boolean;
      if (!this.reorder) this.flush();
    }
    return null;
  }

  /** Resolves when every notification sent so far has been answered or given up. */
  async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Sends the notifications held by `reorder`, newest first. */
  flush(): void {
    const held = this.held.reverse();
    this.held = [];
    for (const n of held) this.track(this.send(n));
  }

  private notify(url: string, eventType: string, type: 'transaction' | 'refund', summary: string, resource: object) {
    const n = this.buildNotification(url, eventType, type, summary, resource);
    this.notifications.push(n);
    if (this.drop > 0) {
      this.drop--;
      return;
    }
    if (this.reorder) {
      this.held.push(n);
      return;
    }
    this.track(this.send(n));
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async send(n: SignedNotification): Promise<void> {
    if (this.delayMs) await sleep(this.delayMs);
    await Promise.all(Array.from({ length: Math.max(1, this.duplicate) }, () => this.sendWithRetries(n)));
  }

  private async sendWithRetries(n: SignedNotification): Promise<void> {
    const { id, event_type: eventType } = JSON.parse(n.body) as { id: string; event_type: string };
    for (let attempt = 0; attempt <= PAY_NOTIFY_RETRY_SECONDS.length; attempt++) {
      let status = 0;
      try {
        status = await this.deliver(n);
      } catch {
        status = 0;
      }
      this.deliveries.push({ notificationId: id, eventType, url: n.url, attempt: attempt + 1, status });
      if (status === 200 || status === 204) return;
      if (attempt < PAY_NOTIFY_RETRY_SECONDS.length)
        await sleep(PAY_NOTIFY_RETRY_SECONDS[attempt] * 1000 * this.retryScale);
    }
  }

  private authorized(req: IncomingMessage, method: string, path: string, body: string): boolean {
    const m = AUTH.exec(String(req.headers.authorization ?? ''));
    if (!m) return false;
    const fields = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((f) => [f[1], f[2]]));
    const { mchid, nonce_str: nonce, timestamp, serial_no: serial, signature } = fields;
    if (mchid !== this.keys.mchId || serial?.toUpperCase() !== this.keys.merchantSerial) return false;
    if (!/^\d+$/.test(timestamp ?? '') || Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SKEW_S) return false;
    try {
      const verify = createVerify('RSA-SHA256');
      verify.update(`${method}\n${path}\n${timestamp}\n${nonce}\n${body}\n`);
      return verify.verify(this.keys.merchantPublicKey, signature ?? '', 'base64');
    } catch {
      return false;
    }
  }

  private prepay(body: Record<string, unknown>, res: ServerResponse): void {
    const amount = body.amount as { total?: unknown } | undefined;
    const payer = body.payer as { openid?: unknown } | undefined;
    const outTradeNo = String(body.out_trade_no ?? '');
    if (body.appid !== this.keys.appId || body.mchid !== this.keys.mchId)
      return this.reply(res, 400, { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' });
    if (!OUT_NO.test(outTradeNo) || typeof body.description !== 'string' || !body.description)
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '商户订单号或商品描述不合法' });
    if (!Number.isInteger(amount?.total) || (amount!.total as number) <= 0 || typeof payer?.openid !== 'string')
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '金额或支付者不合法' });
    if (typeof body.notify_url !== 'string' || !/^https?:\/\//.test(body.notify_url))
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '通知地址不合法' });
    const existing = this.transactions.get(outTradeNo);
    if (existing) {
      if (existing.trade_state !== 'NOTPAY')
        return this.reply(res, 400, { code: 'ORDERPAID', message: '该订单已支付或已关闭' });
      return this.reply(res, 200, { prepay_id: existing.prepayId });
    }
    const tx: SandboxTransaction = {
      appid: this.keys.appId,
      mchid: this.keys.mchId,
      out_trade_no: outTradeNo,
      trade_type: 'JSAPI',
      trade_state: 'NOTPAY',
      trade_state_desc: '订单未支付',
      description: body.description,
      ...(typeof body.attach === 'string' ? { attach: body.attach } : {}),
      payer: { openid: payer.openid },
      amount: { total: amount!.total as number, currency: 'CNY' },
      prepayId: `wx${randomBytes(16).toString('hex')}`.slice(0, 34),
      notifyUrl: body.notify_url,
    };
    this.transactions.set(outTradeNo, tx);
    return this.reply(res, 200, { prepay_id: tx.prepayId });
  }

  private query(outTradeNo: string, url: URL, res: ServerResponse): void {
    const tx = this.transactions.get(outTradeNo);
    if (url.searchParams.get('mchid') !== this.keys.mchId)
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: 'mchid 不合法' });
    if (!tx) return this.reply(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    return this.reply(res, 200, publicTransaction(tx));
  }

  private close(outTradeNo: string, body: Record<string, unknown>, res: ServerResponse): void {
    const tx = this.transactions.get(outTradeNo);
    if (body.mchid !== this.keys.mchId) return this.reply(res, 400, { code: 'PARAM_ERROR', message: 'mchid 不合法' });
    if (!tx) return this.reply(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    if (tx.trade_state === 'SUCCESS' || tx.trade_state === 'REFUND')
      return this.reply(res, 400, { code: 'ORDERPAID', message: '订单已支付' });
    Object.assign(tx, { trade_state: 'CLOSED', trade_state_desc: '订单已关闭' });
    return this.reply(res, 204, undefined);
  }

  private refund(body: Record<string, unknown>, res: ServerResponse): void {
    const tx = this.transactions.get(String(body.out_trade_no ?? ''));
    const outRefundNo = String(body.out_refund_no ?? '');
    const amount = body.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
    if (!tx) return this.reply(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
    if (!OUT_REFUND_NO.test(outRefundNo))
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '退款单号不合法' });
    if (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'REFUND')
      return this.reply(res, 400, { code: 'INVALID_REQUEST', message: '订单未支付，不能退款' });
    const refunded = [...this.refunds.values()]
      .filter((r) => r.out_trade_no === tx.out_trade_no && r.out_refund_no !== outRefundNo)
      .reduce((sum, r) => sum + r.amount.refund, 0);
    if (!Number.isInteger(amount?.refund) || (amount!.refund as number) <= 0 || amount?.total !== tx.amount.total)
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: '退款金额不合法' });
    if (refunded + (amount!.refund as number) > tx.amount.total)
      return this.reply(res, 403, { code: 'NOT_ENOUGH', message: '可退金额不足' });
    const existing = this.refunds.get(outRefundNo);
    if (existing) return this.reply(res, 200, publicRefund(existing));
    const refund = this.newRefund(tx, outRefundNo, amount!.refund as number, body.notify_url);
    return this.reply(res, 200, publicRefund(refund));
  }

  private newRefund(tx: SandboxTransaction, outRefundNo: string, fen: number, notifyUrl: unknown): SandboxRefund {
    const refund: SandboxRefund = {
      refund_id: `5030${Date.now()}${String(++this.seq).padStart(6, '0')}`.slice(0, 29),
      out_refund_no: outRefundNo,
      transaction_id: tx.transaction_id ?? '',
      out_trade_no: tx.out_trade_no,
      status: 'PROCESSING',
      create_time: payTime(this.now()),
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      amount: { refund: fen, total: tx.amount.total, payer_refund: fen, payer_total: tx.amount.total, currency: 'CNY' },
      ...(typeof notifyUrl === 'string' && notifyUrl ? { notifyUrl } : {}),
    };
    this.refunds.set(outRefundNo, refund);
    tx.trade_state = 'REFUND';
    tx.trade_state_desc = '转入退款';
    setTimeout(() => {
      refund.status = 'SUCCESS';
      refund.success_time = payTime(this.now());
      if (!refund.notifyUrl) return;
      const { status: _s, create_time: _c, channel: _ch, notifyUrl: _n, ...rest } = refund;
      const resource = { ...rest, mchid: this.keys.mchId, refund_status: 'SUCCESS' };
      this.notify(refund.notifyUrl, 'REFUND.SUCCESS', 'refund', '退款成功', resource);
    }, this.refundDelayMs).unref();
    return refund;
  }

  /** The trade bill of one Shanghai date: a download address on WeChat Pay's host (the client swaps the host). */
  private tradeBill(url: URL, res: ServerResponse): void {
    const date = url.searchParams.get('bill_date') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || url.searchParams.get('bill_type') !== 'ALL')
      return this.reply(res, 400, { code: 'PARAM_ERROR', message: 'bill_date 或 bill_type 不合法' });
    const text = this.billText(date);
    const token = randomBytes(12).toString('hex');
    this.bills.set(token, text);
    return this.reply(res, 200, {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(text).digest('hex'),
      download_url: `https://api.mch.weixin.qq.com/v3/billdownload/file?token=${token}`,
    });
  }

  /** WeChat Pay's bill shape: a header, one backtick-prefixed line per payment or refund of the date, a summary. */
  billText(date: string): string {
    const y = (fen: number) => (fen / 100).toFixed(2);
    const time = (t: string) => t.slice(0, 19).replace('T', ' ');
    const line = (v: Record<string, string | number>) => BILL_COLUMNS.map((c) => `\`${v[c] ?? ''}`).join(',');
    const fixed = { 特约商户号: 0, 付款银行: 'OTHERS', 货币种类: 'CNY', 交易类型: 'JSAPI', 代金券金额: '0.00' };
    const fees = { 充值券退款金额: '0.00', 手续费: '0.00000', 费率: '0.60%' };
    const lines: string[] = [];
    let total = 0;
    let refunded = 0;
    for (const tx of this.transactions.values()) {
      if (!tx.success_time?.startsWith(date)) continue;
      total += tx.amount.total;
      lines.push(
        line({
          ...fixed,
          ...fees,
          交易时间: time(tx.success_time),
          公众账号ID: tx.appid,
          商户号: tx.mchid,
          微信订单号: tx.transaction_id ?? '',
          商户订单号: tx.out_trade_no,
          用户标识: tx.payer.openid,
          交易状态: 'SUCCESS',
          应结订单金额: y(tx.amount.total),
          退款金额: '0.00',
          商品名称: tx.description,
          商户数据包: tx.attach ?? '',
          订单金额: y(tx.amount.total),
          申请退款金额: '0.00',
        }),
      );
    }
    for (const r of this.refunds.values()) {
      if (r.status !== 'SUCCESS' || !r.success_time?.startsWith(date)) continue;
      const tx = this.transactions.get(r.out_trade_no);
      refunded += r.amount.refund;
      lines.push(
        line({
          ...fixed,
          ...fees,
          交易时间: time(r.success_time),
          公众账号ID: this.keys.appId,
          商户号: this.keys.mchId,
          微信订单号: r.transaction_id,
          商户订单号: r.out_trade_no,
          用户标识: tx?.payer.openid ?? '',
          交易状态: 'REFUND',
          应结订单金额: '0.00',
          微信退款单号: r.refund_id,
          商户退款单号: r.out_refund_no,
          退款金额: y(r.amount.refund),
          退款类型: 'ORIGINAL',
          退款状态: 'SUCCESS',
          商品名称: tx?.description ?? '',
          订单金额: y(r.amount.total),
          申请退款金额: y(r.amount.refund),
        }),
      );
    }
    const summary = [lines.length, y(total), y(refunded), '0.00', '0.00000', y(total), y(refunded)];
    return [BILL_COLUMNS.join(','), ...lines, BILL_SUMMARY, summary.map((f) => `\`${f}`).join(','), ''].join('\r\n');
  }

  private replyText(res: ServerResponse, text: string): void {
    const headers = this.signedHeaders(text, Date.now());
    res.writeHead(200, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'request-id': randomUUID() });
    res.end(text);
  }

  private signedHeaders(body: string, atMs: number): Record<string, string> {
    const timestamp = String(Math.floor(atMs / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = createSign('RSA-SHA256')
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .sign(this.keys.platformPrivateKey, 'base64');
    return {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': this.keys.platformSerial,
    };
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    // API answers are signed at real time (the client does not check their age)
    const headers = this.signedHeaders(text, Date.now());
    if (body === undefined) delete headers['content-type'];
    res.writeHead(status, { ...headers, 'request-id': randomUUID() });
    res.end(text);
  }
}

function publicTransaction(tx: SandboxTransaction): Omit<SandboxTransaction, 'prepayId' | 'notifyUrl'> {
  const { prepayId: _p, notifyUrl: _n, ...rest } = tx;
  return rest;
}

function publicRefund(refund: SandboxRefund): Omit<SandboxRefund, 'notifyUrl'> {
  const { notifyUrl: _n, ...rest } = refund;
  return rest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
