import { createSign } from 'node:crypto';
import { clockAt } from '../../../test/unit/unit-db.js';
import { readArea } from '../../config/config-area.js';
import { paymentsConfig } from '../../config/payments.config.js';
import { PaySandbox } from '../../wechat-sandbox/pay-sandbox.js';
import { PaymentNotificationRefused, PaymentNotifications } from './payment-notifications.js';

const T0 = '2026-11-30T15:30:00Z';
const T0_MS = Date.parse(T0);

describe(PaymentNotifications.name, () => {
  const platform = new PaySandbox('wx-unit-appid');
  platform.now = () => T0_MS;
  const config = readArea(
    paymentsConfig.read,
    platform.appEnv('http://127.0.0.1:1', 'http://127.0.0.1:1/api/pay/notify'),
  );
  const sutAt = (iso = T0) => new PaymentNotifications(config, clockAt(iso));
  const paid = { out_trade_no: 'JH000001', trade_state: 'SUCCESS', amount: { total: 990, payer_total: 990 } };
  const notification = (atMs = T0_MS) =>
    platform.buildNotification('http://x/transaction', 'TRANSACTION.SUCCESS', 'transaction', '支付成功', paid, atMs);
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof PaymentNotificationRefused) return err.reason;
      throw err;
    }
    return 'accepted';
  };

  it('verifies, decrypts and types a payment and a refund notification', () => {
    const n = notification();
    expect(sutAt().verify(n.body, n.headers)).toMatchObject({
      id: JSON.parse(n.body).id,
      kind: 'transaction',
      eventType: 'TRANSACTION.SUCCESS',
      transaction: paid,
    });
    const r = platform.buildNotification('http://x/refund', 'REFUND.SUCCESS', 'refund', '退款成功', {
      out_trade_no: 'JH000001',
      out_refund_no: 'R1',
      refund_status: 'SUCCESS',
      amount: { refund: 100, total: 990 },
    });
    expect(sutAt().verify(r.body, r.headers)).toMatchObject({ kind: 'refund', refund: { out_refund_no: 'R1' } });
  });

  it('accepts a timestamp up to 5 minutes away and refuses one 6 minutes away, either side', () => {
    const n = notification();
    expect(reason(() => sutAt('2026-11-30T15:35:00Z').verify(n.body, n.headers))).toBe('accepted');
    expect(reason(() => sutAt('2026-11-30T15:36:00Z').verify(n.body, n.headers))).toBe('stale');
    expect(reason(() => sutAt('2026-11-30T15:24:00Z').verify(n.body, n.headers))).toBe('stale');
  });

  it('refuses an unknown serial, a bad signature, an edited body and a tampered ciphertext', () => {
    const n = notification();
    const serial = { ...n.headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' };
    expect(reason(() => sutAt().verify(n.body, serial))).toBe('unknown_serial');
    expect(reason(() => sutAt().verify(n.body, { ...n.headers, 'wechatpay-serial': '' }))).toBe('unknown_serial');
    const badSig = { ...n.headers, 'wechatpay-signature': n.headers['wechatpay-signature'].replace(/^../, 'AA') };
    expect(reason(() => sutAt().verify(n.body, badSig))).toBe('bad_signature');
    expect(reason(() => sutAt().verify(n.body + ' ', n.headers))).toBe('bad_signature');
    // a changed ciphertext, re-signed with the platform key: only the GCM tag notices
    const body = JSON.parse(n.body) as { resource: { ciphertext: string } };
    const bytes = Buffer.from(body.resource.ciphertext, 'base64');
    bytes[3] ^= 0x01; // `{"appid"` → `{"aqpid"`: still JSON, so only the tag can refuse it
    body.resource.ciphertext = bytes.toString('base64');
    const text = JSON.stringify(body);
    const { 'wechatpay-timestamp': ts, 'wechatpay-nonce': nonce } = n.headers;
    const signature = createSign('RSA-SHA256')
      .update(`${ts}\n${nonce}\n${text}\n`)
      .sign(platform.keys.platformPrivateKey, 'base64');
    expect(reason(() => sutAt().verify(text, { ...n.headers, 'wechatpay-signature': signature }))).toBe(
      'undecryptable',
    );
  });

  it('reads headers in any case, and refuses a non-numeric timestamp', () => {
    const n = notification();
    const upper = Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(reason(() => sutAt().verify(n.body, upper))).toBe('accepted');
    expect(reason(() => sutAt().verify(n.body, { ...n.headers, 'wechatpay-timestamp': 'soon' }))).toBe('stale');
  });
});
