import type { DataSource } from 'typeorm';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { FakeSmsSender, unitSms } from '../../../test/unit/factories-sms.js';
import { unitPii } from '../../../test/unit/factories.js';
import { SmsMessage } from './sms-message.entity.js';
import { SMS_MAX_ATTEMPTS, type SmsItem } from './sms.service.js';

const T0 = '2026-11-30T15:30:00Z';
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const item = (userId: number, phone: string | null = '13800000001', ref = 'callup:1'): SmsItem => ({
  userId,
  phone,
  template: 'callup',
  params: ['马鞍山', '明早 8 点'],
  ref,
});

describe('SmsService', () => {
  let ds: DataSource;
  let sender: FakeSmsSender;
  const sutAt = (iso = T0, env: Record<string, string> = {}) => unitSms(ds, clockAt(iso), sender, env);
  const rows = () => ds.getRepository(SmsMessage).find({ order: { id: 'ASC' } });
  /** Enqueued a second before `iso` (each clock runs on from its start: a later clock must see the row due). */
  const enqueue = (items: SmsItem[], iso = T0, env: Record<string, string> = {}) =>
    ds.transaction((m) => sutAt(at(iso, -1000), env).enqueue(m, items));

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    sender = new FakeSmsSender();
  });
  afterAll(() => ds.destroy());

  it('enqueue seals the number, keeps one message per ref and person, fails a bad number at once', async () => {
    await enqueue([item(1), item(1), item(2, '+86 139-0000-0002'), item(3, '12345'), item(4, null)]);
    await enqueue([item(1)]);
    const [a, b, c, ...rest] = await rows();
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ userId: 1, status: 'pending', attempts: 0, params: ['马鞍山', '明早 8 点'] });
    expect(a.phoneEnc).not.toContain('13800000001');
    expect(unitPii.decrypt(a.phoneEnc)).toBe('13800000001');
    expect(a.phoneHash).toBe(unitPii.hash('phone', '13800000001'));
    expect(unitPii.decrypt(b.phoneEnc)).toBe('13900000002');
    expect(c).toMatchObject({ userId: 3, status: 'failed', nextAttemptAt: null });
    expect(c.lastError).toMatch(/^InvalidPhone/);
  });

  it('a call-up to 901 guards is enqueued whole in one transaction', async () => {
    const many = Array.from({ length: 901 }, (_, i) => item(i + 1, `139${String(i).padStart(8, '0')}`));
    await enqueue(many);
    expect(await ds.getRepository(SmsMessage).count()).toBe(901);
    expect(await sutAt().countsByRef('callup:1')).toMatchObject({ pending: 901 });
  });

  it('writes nothing while SMS is off', async () => {
    await enqueue([item(1)], T0, { SMS_ENABLED: 'off' });
    expect(await rows()).toEqual([]);
    expect(await sutAt(T0, { SMS_ENABLED: 'off' }).deliverDue()).toMatchObject({ smsSent: 0 });
  });

  it('the job sends each due message once with its template and parameters', async () => {
    await enqueue([item(1), item(2, '13800000002')]);
    expect(await sutAt().deliverDue()).toEqual({ smsSent: 2, smsRetrying: 0, smsFailed: 0, smsOverLimit: 0 });
    expect(sender.sent.map((s) => s.phone)).toEqual(['13800000001', '13800000002']);
    expect(sender.sent[0]).toMatchObject({ template: 'callup', params: ['马鞍山', '明早 8 点'] });
    expect(sender.sent[0].requestId).toMatch(/^sms-\d+$/);
    const [a] = await rows();
    expect(a).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerId: 'fake-1',
      nextAttemptAt: null,
      lastError: null,
    });
    expect(Math.abs(a.sentAt!.getTime() - Date.parse(T0))).toBeLessThan(5_000);
    expect(await sutAt(at(T0, 3_600_000)).deliverDue()).toMatchObject({ smsSent: 0 });
    expect(sender.sent).toHaveLength(2);
  });

  it('a passing failure is tried again after 1, 2, 4, 8 minutes, then fails for good with the code', async () => {
    await enqueue([item(1)]);
    sender.failWith('transient', 'InternalError.SendAndRecvFail', SMS_MAX_ATTEMPTS);
    let t = 0;
    for (const wait of [60_000, 120_000, 240_000, 480_000]) {
      expect(await sutAt(at(T0, t)).deliverDue()).toMatchObject({ smsRetrying: 1 });
      const [row] = await rows();
      expect(row.status).toBe('pending');
      expect(row.nextAttemptAt!.getTime() - Date.parse(at(T0, t))).toBeGreaterThanOrEqual(wait);
      expect(row.nextAttemptAt!.getTime() - Date.parse(at(T0, t))).toBeLessThan(wait + 5_000);
      // not before its time
      expect(await sutAt(at(T0, t + wait - 10_000)).deliverDue()).toMatchObject({ smsRetrying: 0, smsFailed: 0 });
      t += wait + 1_000;
    }
    expect(await sutAt(at(T0, t)).deliverDue()).toMatchObject({ smsFailed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: SMS_MAX_ATTEMPTS, nextAttemptAt: null });
    expect(row.lastError).toMatch(/^InternalError\.SendAndRecvFail/);
    expect(sender.sent).toEqual([]);
  });

  it('a passing failure then a success ends sent', async () => {
    await enqueue([item(1)]);
    sender.failWith('rate_limited', 'LimitExceeded.PhoneNumberThirtySecondLimit');
    expect(await sutAt().deliverDue()).toMatchObject({ smsRetrying: 1 });
    expect(await sutAt(at(T0, 61_000)).deliverDue()).toMatchObject({ smsSent: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it.each([
    ['invalid_number', 'InvalidParameterValue.IncorrectPhoneNumber'],
    ['template_not_approved', 'FailedOperation.TemplateIncorrectOrUnapproved'],
    ['rejected', 'AuthFailure.SignatureFailure'],
  ] as const)('a permanent failure (%s) ends failed at once, never tried again', async (kind, code) => {
    await enqueue([item(1)]);
    sender.failWith(kind, code);
    expect(await sutAt().deliverDue()).toMatchObject({ smsFailed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(row.lastError).toContain(code);
    expect(await sutAt(at(T0, 86_400_000)).deliverDue()).toMatchObject({ smsSent: 0, smsFailed: 0 });
  });

  it('two runs at once send each message once', async () => {
    await enqueue([1, 2, 3, 4, 5].map((u) => item(u, `1380000000${u}`)));
    const [a, b] = await Promise.all([sutAt().deliverDue(), sutAt().deliverDue()]);
    expect(a.smsSent + b.smsSent).toBe(5);
    expect(sender.sent.map((s) => s.phone).sort()).toEqual([1, 2, 3, 4, 5].map((u) => `1380000000${u}`));
  });

  it('a number gets at most SMS_DAILY_LIMIT_PER_PHONE messages a Shanghai day; the next day it gets more', async () => {
    const env = { SMS_DAILY_LIMIT_PER_PHONE: '2' };
    // 23:30 Shanghai: three messages to one number, two go out
    await enqueue([
      item(1, '13800000001', 'callup:1'),
      item(1, '13800000001', 'callup:2'),
      item(1, '13800000001', 'callup:3'),
    ]);
    expect(await sutAt(T0, env).deliverDue()).toMatchObject({ smsSent: 2, smsOverLimit: 1 });
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'skipped_limit']);
    // 00:10 Shanghai the next day (still the same UTC date): a new day's allowance
    const nextDay = '2026-11-30T16:10:00Z';
    await enqueue([item(1, '13800000001', 'callup:4')], nextDay, env);
    expect(await sutAt(nextDay, env).deliverDue()).toMatchObject({ smsSent: 1 });
  });

  it('counts the messages of a ref by state', async () => {
    await enqueue([item(1), item(2, '13800000002'), item(3, 'bad'), item(4, '13800000004', 'callup:2')]);
    sender.failWith('transient', 'InternalError');
    await sutAt().deliverDue();
    expect(await sutAt().countsByRef('callup:1')).toEqual({ pending: 1, sent: 1, failed: 1, skipped_limit: 0 });
    expect(await sutAt().countsByRef('callup:9')).toEqual({ pending: 0, sent: 0, failed: 0, skipped_limit: 0 });
  });
});
