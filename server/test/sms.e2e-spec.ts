import { E2E_DB, createTestApp, type TestContext } from './support/test-app.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { logger } from '../src/common/logging/logger.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { SmsMessage } from '../src/modules/sms/sms-message.entity.js';
import { SmsSender } from '../src/modules/sms/sms-sender.js';
import { SMS_BACKOFF_MS, SmsService, type SmsItem } from '../src/modules/sms/sms.service.js';
import { TencentCloudSmsSender } from '../src/modules/sms/tencent-cloud-sms.sender.js';

let phoneSeq = 0;
/** A fresh number per message, so the daily limit of one test never touches another. */
const freshPhone = () => `1390000${String(1000 + ++phoneSeq).slice(-4)}`;

/**
 * The SMS channel end to end: the outbox row written in the caller's transaction, the `sms-delivery`
 * job sending through Tencent Cloud's SDK over HTTP to the sandbox, which checks the TC3 signature,
 * the app, the signature name and the template as the provider does.
 */
describe('SMS channel (e2e)', () => {
  let ctx: TestContext;
  let refSeq = 0;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());
  const sms = () => ctx.app.get(SmsService);
  const rows = (ref: string) => ctx.dataSource.getRepository(SmsMessage).find({ where: { ref }, order: { id: 'ASC' } });
  const newRef = () => `callup:${++refSeq}`;
  const items = (ref: string, phones: string[]): SmsItem[] =>
    phones.map((phone, i) => ({ userId: 100 + i, phone, template: 'callup', params: ['紧急集结', '雨山区'], ref }));
  const enqueue = (list: SmsItem[]) => ctx.dataSource.transaction((m) => sms().enqueue(m, list));
  const runJob = () => ctx.app.get(JobsService).run('sms-delivery');
  const sentTo = (phone: string) => ctx.sandbox.sms.sentMessages.filter((m) => m.phone === `+86${phone}`);

  it('a message enqueued in a transaction that rolls back is never sent', async () => {
    const ref = newRef();
    const phone = freshPhone();
    await expect(
      ctx.dataSource.transaction(async (m) => {
        await sms().enqueue(m, items(ref, [phone]));
        throw new Error('the call-up failed');
      }),
    ).rejects.toThrow('the call-up failed');
    await runJob();
    expect(await rows(ref)).toEqual([]);
    expect(sentTo(phone)).toEqual([]);
  });

  it('the job sends through the SDK to the sandbox, which verified the signature; the number is sealed at rest', async () => {
    const ref = newRef();
    const [p1, p2] = [freshPhone(), freshPhone()];
    await enqueue(items(ref, [p1, p2]));
    await enqueue(items(ref, [p1])); // the same ref and person again: ignored
    const stored = await ctx.dataSource.query('SELECT * FROM sms_messages WHERE ref = ?', [ref]);
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(JSON.stringify(row)).not.toMatch(/139\d{8}/);
    const res = await runJob();
    expect(res).toMatchObject({ ran: true, result: { smsSent: 2 } });
    const [sent] = sentTo(p1);
    expect(sent).toMatchObject({ templateId: '100001', signName: '江淮义警', params: ['紧急集结', '雨山区'] });
    const [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerId: sent.serialNo, lastError: null });
    expect(sent.sessionContext).toBe(`sms-${row.id}`);
    expect(ctx.app.get(PiiCipher).decrypt(row.phoneEnc)).toBe(p1);
    expect(await sms().countsByRef(ref)).toEqual({ pending: 0, sent: 2, failed: 0, skipped_limit: 0 });
    // nothing left to send
    expect((await runJob()).result).toMatchObject({ smsSent: 0 });
    expect(sentTo(p1)).toHaveLength(1);
  });

  it('a wrong secret key: the sandbox refuses the signature (AuthFailure.SignatureFailure), a permanent failure with the code', async () => {
    const ref = newRef();
    const phone = freshPhone();
    await enqueue(items(ref, [phone]));
    const config = ctx.config.sms;
    const badSender = new TencentCloudSmsSender({ ...config, secretKey: 'not-the-secret' });
    const sut = new SmsService(ctx.dataSource, config, badSender, ctx.app.get(PiiCipher), ctx.clock);
    expect(await sut.deliverDue()).toMatchObject({ smsFailed: 1 });
    const [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(row.lastError).toMatch(/^AuthFailure\.SignatureFailure/);
    expect(sentTo(phone)).toEqual([]);
  });

  it('a template the provider has not approved fails for good with its code', async () => {
    const ref = newRef();
    await enqueue(items(ref, [freshPhone()]));
    const config = ctx.config.sms;
    const sender = new TencentCloudSmsSender({ ...config, templateIds: { ...config.templateIds, callup: '999999' } });
    const sut = new SmsService(ctx.dataSource, config, sender, ctx.app.get(PiiCipher), ctx.clock);
    expect(await sut.deliverDue()).toMatchObject({ smsFailed: 1 });
    expect((await rows(ref))[0].lastError).toMatch(/^FailedOperation\.TemplateIncorrectOrUnapproved/);
  });

  it('a transient provider error is retried after its back-off, then sent; the number never reaches the log', async () => {
    const ref = newRef();
    const phone = freshPhone();
    await enqueue(items(ref, [phone]));
    ctx.sandbox.sms.failNext = 1;
    // what the server logs while it fails
    const logged: unknown[] = [];
    const warn = logger.warn;
    logger.warn = ((...args: unknown[]) => void logged.push(args)) as typeof logger.warn;
    const before = ctx.clock.nowMs();
    try {
      expect((await runJob()).result).toMatchObject({ smsRetrying: 1, smsSent: 0 });
    } finally {
      logger.warn = warn;
    }
    expect(JSON.stringify(logged)).toContain('InternalError.SendAndRecvFail');
    expect(JSON.stringify(logged)).not.toContain(phone.slice(3));
    let [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/^InternalError\.SendAndRecvFail/);
    const wait = row.nextAttemptAt!.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(SMS_BACKOFF_MS[0]);
    expect(wait).toBeLessThan(SMS_BACKOFF_MS[0] + 30_000);
    // before its time: not tried
    expect((await runJob()).result).toMatchObject({ smsSent: 0, smsRetrying: 0 });
    // the minute has passed
    await ctx.dataSource
      .getRepository(SmsMessage)
      .update(row.id, { nextAttemptAt: new Date(ctx.clock.nowMs() - 1000) });
    expect((await runJob()).result).toMatchObject({ smsSent: 1 });
    [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sentTo(phone)).toHaveLength(1);
  });

  it('a provider that answers too slowly is a passing failure (Timeout), tried again later', async () => {
    const ref = newRef();
    await enqueue(items(ref, [freshPhone()]));
    const config = { ...ctx.config.sms, timeoutSeconds: 1 };
    const sender = new TencentCloudSmsSender(config);
    const sut = new SmsService(ctx.dataSource, config, sender, ctx.app.get(PiiCipher), ctx.clock);
    ctx.sandbox.sms.delayMs = 2500;
    try {
      expect(await sut.deliverDue()).toMatchObject({ smsRetrying: 1 });
    } finally {
      ctx.sandbox.sms.delayMs = 0;
    }
    const [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/^Timeout/);
  });

  it('a number the operator refuses ends failed and is not tried again', async () => {
    const ref = newRef();
    const phone = freshPhone();
    ctx.sandbox.sms.invalidNumbers.add(phone);
    await enqueue(items(ref, [phone]));
    expect((await runJob()).result).toMatchObject({ smsFailed: 1 });
    const [row] = await rows(ref);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(row.lastError).toMatch(/^InvalidParameterValue\.IncorrectPhoneNumber/);
    await ctx.dataSource.getRepository(SmsMessage).update(row.id, { nextAttemptAt: new Date(0) });
    expect((await runJob()).result).toMatchObject({ smsFailed: 0, smsSent: 0 });
    expect((await rows(ref))[0].attempts).toBe(1);
  });

  it('a number gets at most the daily limit of messages; the rest are skipped, counted in the database', async () => {
    const phone = freshPhone();
    const refs = [newRef(), newRef(), newRef()];
    for (const ref of refs) await enqueue(items(ref, [phone]));
    const config = { ...ctx.config.sms, dailyLimitPerPhone: 2 };
    const sut = new SmsService(ctx.dataSource, config, ctx.app.get(SmsSender), ctx.app.get(PiiCipher), ctx.clock);
    expect(await sut.deliverDue()).toMatchObject({ smsSent: 2, smsOverLimit: 1 });
    const states = await Promise.all(refs.map(async (ref) => (await rows(ref))[0].status));
    expect(states).toEqual(['sent', 'sent', 'skipped_limit']);
    expect(sentTo(phone)).toHaveLength(2);
  });

  it('two runs at once (two instances on MariaDB) send each message exactly once', async () => {
    const ref = newRef();
    const phones = Array.from({ length: 12 }, freshPhone);
    await enqueue(items(ref, phones));
    const other = E2E_DB === 'mysql' ? await createTestApp({}, { sameDatabaseAs: ctx }) : ctx;
    try {
      const [a, b] = await Promise.all([sms().deliverDue(), other.app.get(SmsService).deliverDue()]);
      expect(a.smsSent + b.smsSent).toBe(12);
      const sent = [...ctx.sandbox.sms.sentMessages, ...(other === ctx ? [] : other.sandbox.sms.sentMessages)];
      for (const phone of phones) expect(sent.filter((m) => m.phone === `+86${phone}`)).toHaveLength(1);
      expect(await sms().countsByRef(ref)).toMatchObject({ sent: 12, pending: 0 });
    } finally {
      if (other !== ctx) await other.close();
    }
  });
});
