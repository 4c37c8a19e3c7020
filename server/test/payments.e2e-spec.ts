import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestContext } from './support/test-app.js';
import { Clock } from '../src/common/clock/clock.js';
import { logger } from '../src/common/logging/logger.js';
import { PaymentNotification } from '../src/modules/payments/payment-notification.entity.js';
import { PaymentNotificationDispatcher } from '../src/modules/payments/payment-notification-dispatcher.js';
import { PaymentNotificationRefused, PaymentNotifications } from '../src/modules/payments/payment-notifications.js';
import { WechatPayClient, WechatPayFailure } from '../src/modules/payments/wechat-pay.client.js';
import { WechatPayV3Client } from '../src/modules/payments/wechatpay-v3.client.js';
import type { SignedNotification } from '../src/wechat-sandbox/pay-sandbox.js';

/**
 * WeChat Pay v3 end to end: the real library signs requests that go over HTTP to the sandbox, which
 * checks the merchant signature as WeChat Pay does and signs its answers; the sandbox's signed and
 * encrypted notifications come back to the notification routes, are verified, decrypted and recorded
 * once; forged, foreign, stale and tampered ones are refused and record nothing.
 */
describe('WeChat Pay v3 (e2e)', () => {
  let ctx: TestContext;
  let seq = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());
  const pay = () => ctx.app.get(WechatPayClient);
  const sandbox = () => ctx.sandbox.pay;
  const newNo = () => `JH${Date.now()}${String(++seq).padStart(4, '0')}`;
  const recorded = (outTradeNo: string) =>
    ctx.dataSource.getRepository(PaymentNotification).find({ where: { outTradeNo }, order: { id: 'ASC' } });
  const allRecorded = () => ctx.dataSource.getRepository(PaymentNotification).count();
  const prepay = (outTradeNo: string, amountFen = 1234) =>
    pay().prepay({ outTradeNo, description: '积分商城-雨衣', amountFen, payerOpenId: 'sbx_payer_openid' });
  const post = (path: string, n: SignedNotification) =>
    ctx.http().post(path).set(n.headers).set('content-type', 'application/json').send(n.body);

  it('prepays through the library and answers requestPayment parameters signed with the merchant key', async () => {
    const no = newNo();
    const params = await prepay(no);
    expect(params).toMatchObject({ appId: ctx.config.payments.appId, signType: 'RSA' });
    expect(params.package).toBe(`prepay_id=${params.prepayId}`);
    expect(params.timeStamp).toMatch(/^\d{10}$/);
    const verify = createVerify('RSA-SHA256');
    verify.update(`${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`);
    expect(verify.verify(sandbox().keys.merchantPublicKey, params.paySign, 'base64')).toBe(true);
    expect(sandbox().transactions.get(no)).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 1234 } });
    // the same order again gets the same prepay id
    expect((await prepay(no)).prepayId).toBe(params.prepayId);
  });

  it('queries, closes, refunds and queries the refund; unknown orders are typed failures', async () => {
    const open = newNo();
    await prepay(open, 500);
    expect(await pay().queryOrder(open)).toMatchObject({ out_trade_no: open, trade_state: 'NOTPAY' });
    await pay().closeOrder(open);
    expect((await pay().queryOrder(open)).trade_state).toBe('CLOSED');

    const paid = newNo();
    await prepay(paid, 800);
    await sandbox().markPaid(paid);
    await sandbox().settle();
    const tx = await pay().queryOrder(paid);
    expect(tx).toMatchObject({ trade_state: 'SUCCESS', amount: { total: 800, payer_total: 800 } });
    await expect(pay().closeOrder(paid)).rejects.toMatchObject({ kind: 'rejected', code: 'ORDERPAID' });

    const refund = await pay().refund({ outTradeNo: paid, outRefundNo: `R${paid}`, refundFen: 300, totalFen: 800 });
    expect(refund).toMatchObject({ out_refund_no: `R${paid}`, status: 'PROCESSING', amount: { refund: 300 } });
    await expect(
      pay().refund({ outTradeNo: paid, outRefundNo: `R2${paid}`, refundFen: 600, totalFen: 800 }),
    ).rejects.toMatchObject({ kind: 'rejected', code: 'NOT_ENOUGH' });
    await new Promise((r) => setTimeout(r, 60));
    await sandbox().settle();
    expect(await pay().queryRefund(`R${paid}`)).toMatchObject({ status: 'SUCCESS' });
    const rows = await recorded(paid);
    expect(rows.map((r) => [r.kind, r.eventType, r.state, r.amountFen])).toEqual([
      ['transaction', 'TRANSACTION.SUCCESS', 'SUCCESS', 800],
      ['refund', 'REFUND.SUCCESS', 'SUCCESS', 300],
    ]);
    expect(rows[1].outRefundNo).toBe(`R${paid}`);

    await expect(pay().queryOrder('JHNOSUCHORDER1')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(pay().queryRefund('RNOSUCHREFUND')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('a payment notification is verified, decrypted and recorded once even when sent 20 times at once', async () => {
    const no = newNo();
    await prepay(no, 2000);
    sandbox().duplicate = 20;
    try {
      await sandbox().markPaid(no);
      await sandbox().settle();
    } finally {
      sandbox().duplicate = 1;
    }
    const mine = sandbox().deliveries.filter(
      (d) => d.eventType === 'TRANSACTION.SUCCESS' && d.url.endsWith('/transaction'),
    );
    const id = JSON.parse(sandbox().notifications.at(-1)!.body).id as string;
    expect(mine.filter((d) => d.notificationId === id).map((d) => d.status)).toEqual(Array(20).fill(200));
    const rows = await recorded(no);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ notificationId: id, state: 'SUCCESS', amountFen: 2000, kind: 'transaction' });
    expect(rows[0].wechatId).toMatch(/^4200/);
    expect(rows[0].resource).toMatchObject({ out_trade_no: no, payer: { openid: 'sbx_payer_openid' } });
  });

  it('reordered, dropped, delayed and failed deliveries: retried on the schedule, recorded once', async () => {
    const a = newNo();
    const b = newNo();
    await prepay(a);
    await prepay(b);
    const switches = (body: object) => request(ctx.sandbox.baseUrl).post('/__sandbox/pay/switches').send(body);
    expect((await switches({ duplicate: 0 })).status).toBe(400);
    expect((await switches({ reorder: true })).status).toBe(200);
    await sandbox().markPaid(a);
    await sandbox().markPaid(b);
    expect(await recorded(a)).toHaveLength(0);
    expect((await switches({ reorder: false })).status).toBe(200); // sends the held ones, newest first
    await sandbox().settle();
    const [ra, rb] = [(await recorded(a))[0], (await recorded(b))[0]];
    expect(rb.id).toBeLessThan(ra.id); // b was paid second and arrived first

    const c = newNo();
    await prepay(c);
    sandbox().drop = 1;
    await sandbox().markPaid(c);
    await sandbox().settle();
    expect(await recorded(c)).toHaveLength(0); // never sent: the order query is the way to learn it
    expect((await pay().queryOrder(c)).trade_state).toBe('SUCCESS');

    // the server is down for two attempts: WeChat Pay tries again (15 s, 15 s … here in milliseconds)
    const d = newNo();
    await prepay(d);
    const deliver = sandbox().deliver;
    let failures = 2;
    sandbox().deliver = (n) => (failures-- > 0 ? Promise.resolve(503) : deliver(n));
    sandbox().delayMs = 20;
    try {
      await sandbox().markPaid(d);
      await sandbox().settle();
    } finally {
      sandbox().deliver = deliver;
      sandbox().delayMs = 0;
    }
    const id = JSON.parse(sandbox().notifications.at(-1)!.body).id as string;
    const attempts = sandbox().deliveries.filter((x) => x.notificationId === id);
    expect(attempts.map((x) => [x.attempt, x.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(await recorded(d)).toHaveLength(1);
  });

  it('hands a verified notification to the registered handler; a failing handler answers 500 FAIL so WeChat Pay retries', async () => {
    const dispatcher = ctx.app.get(PaymentNotificationDispatcher);
    const recorder = dispatcher.current();
    const seen: string[] = [];
    const no = newNo();
    await prepay(no);
    const n = sandbox().buildNotification('http://x/transaction', 'TRANSACTION.SUCCESS', 'transaction', '支付成功', {
      ...sandbox().transactions.get(no)!,
      trade_state: 'SUCCESS',
    });
    // the expected failure is logged; count it instead of printing it
    const logError = logger.error.bind(logger);
    let logged = 0;
    logger.error = (() => void logged++) as typeof logger.error;
    try {
      dispatcher.use({ handle: () => Promise.reject(new Error('mall database down')) });
      const failed = await post('/api/pay/notify/transaction', n);
      expect([failed.status, failed.body.code]).toEqual([500, 'FAIL']);
      dispatcher.use({
        handle: async (v) => void seen.push(v.kind === 'transaction' ? v.transaction.out_trade_no : ''),
      });
      expect((await post('/api/pay/notify/transaction', n)).status).toBe(200);
      // a payment notification posted to the refund route is refused
      expect((await post('/api/pay/notify/refund', n)).status).toBe(401);
    } finally {
      dispatcher.use(recorder);
      logger.error = logError;
    }
    expect(logged).toBe(1);
    expect(seen).toEqual([no]);
    expect(await recorded(no)).toHaveLength(0);
  });

  it('refuses with 401 and records nothing: forged signature, unknown serial, stale timestamp, tampered ciphertext', async () => {
    const no = newNo();
    await prepay(no);
    const tx = {
      ...sandbox().transactions.get(no)!,
      trade_state: 'SUCCESS',
      transaction_id: '4200000000000000000000000001',
    };
    const url = 'http://jh-e2e.test/api/pay/notify/transaction';
    const genuine = () => sandbox().buildNotification(url, 'TRANSACTION.SUCCESS', 'transaction', '支付成功', tx);
    const before = await allRecorded();

    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = genuine();
    forged.headers['wechatpay-signature'] = createSign('RSA-SHA256')
      .update(`${forged.headers['wechatpay-timestamp']}\n${forged.headers['wechatpay-nonce']}\n${forged.body}\n`)
      .sign(forger, 'base64');
    const foreign = {
      ...genuine(),
      headers: { ...genuine().headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000000000' },
    };
    const stale = sandbox().buildNotification(
      url,
      'TRANSACTION.SUCCESS',
      'transaction',
      '支付成功',
      tx,
      ctx.clock.nowMs() - 6 * 60_000,
    );
    const tampered = genuine();
    const body = JSON.parse(tampered.body) as { resource: { ciphertext: string } };
    const bytes = Buffer.from(body.resource.ciphertext, 'base64');
    bytes[3] ^= 0x01;
    body.resource.ciphertext = bytes.toString('base64');
    // re-signed by the platform key: only the GCM tag can catch this one
    const tamperedBody = JSON.stringify(body);
    const { 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonce } = tampered.headers;
    tampered.headers['wechatpay-signature'] = createSign('RSA-SHA256')
      .update(`${ts}\n${nonce}\n${tamperedBody}\n`)
      .sign(sandbox().keys.platformPrivateKey, 'base64');
    tampered.body = tamperedBody;
    const edited = genuine();
    edited.body = edited.body.replace('"summary":"支付成功"', '"summary":"支付成功 "');

    for (const [name, n] of Object.entries({ forged, foreign, stale, tampered, edited })) {
      const res = await post('/api/pay/notify/transaction', n);
      expect([name, res.status, res.body]).toEqual([name, 401, { code: 'FAIL', message: '验签失败' }]);
    }
    expect(await allRecorded()).toBe(before);
    // the genuine one passes (the refusals above were for their faults alone)
    const ok = await post('/api/pay/notify/transaction', genuine());
    expect([ok.status, ok.body]).toEqual([200, { code: 'SUCCESS', message: '成功' }]);
    expect(await allRecorded()).toBe(before + 1);
  });

  it('the verifier refuses a notification once our Clock is 6 minutes past it, with the reason', async () => {
    const no = newNo();
    await prepay(no);
    const n = sandbox().buildNotification('http://x/transaction', 'TRANSACTION.SUCCESS', 'transaction', '支付成功', {
      ...sandbox().transactions.get(no)!,
      trade_state: 'SUCCESS',
    });
    const now = ctx.app.get(PaymentNotifications);
    expect(now.verify(n.body, n.headers)).toMatchObject({ kind: 'transaction', transaction: { out_trade_no: no } });
    const later = new PaymentNotifications(
      ctx.config.payments,
      new Clock('Asia/Shanghai', new Date(ctx.clock.nowMs() + 6 * 60_000)),
    );
    expect(() => later.verify(n.body, n.headers)).toThrow(PaymentNotificationRefused);
    try {
      later.verify(n.body, n.headers);
    } catch (err) {
      expect((err as PaymentNotificationRefused).reason).toBe('stale');
    }
  });

  it('the sandbox refuses a request signed with another merchant key (401 SIGN_ERROR), a typed failure', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const impostor = new WechatPayV3Client({ ...ctx.config.payments, privateKey: wrongKey });
    const no = newNo();
    const err = await impostor
      .prepay({ outTradeNo: no, description: '积分商城', amountFen: 100, payerOpenId: 'sbx_x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WechatPayFailure);
    expect(err).toMatchObject({ kind: 'signature', status: 401, code: 'SIGN_ERROR' });
    expect(sandbox().transactions.has(no)).toBe(false);
  });

  it('an answer not signed by the platform key is not trusted', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const client = new WechatPayV3Client({ ...ctx.config.payments, platformPublicKey: other });
    await expect(client.queryOrder('JHNOSUCHORDER2')).rejects.toMatchObject({ kind: 'untrusted_response' });
  });
});
