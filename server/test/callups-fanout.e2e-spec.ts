import { E2E_DB, createTestApp, type TestContext } from './support/test-app.js';
import { testNow, testNowMs } from './support/test-clock.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { SmsMessage } from '../src/modules/sms/sms-message.entity.js';
import { SmsService } from '../src/modules/sms/sms.service.js';
import { User } from '../src/modules/users/user.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { Callup } from '../src/modules/callups/entities/callup.entity.js';
import { CallupRecipient } from '../src/modules/callups/entities/callup-recipient.entity.js';
import { CallupDelivery } from '../src/modules/callups/entities/callup-delivery.entity.js';
import {
  CallupFanout,
  FANOUT_BACKOFF_MS,
  callupPage,
  callupSmsRef,
  type FanoutRecipient,
} from '../src/modules/callups/callup-fanout.service.js';
import { CallupFanoutWorker } from '../src/modules/callups/callup-fanout.worker.js';

let seq = 0;

/** People to call up: a user (with an openid, or none) and an active volunteer (with a mobile, or none). */
async function people(ctx: TestContext, n: number, opts: { openid?: boolean; phone?: boolean } = {}) {
  const pii = ctx.app.get(PiiCipher);
  const station = await ctx.org('MAS-YS-PH');
  const now = testNow();
  const out: { userId: number; volunteerId: number; phone: string | null; openid: string | null }[] = [];
  for (let i = 0; i < n; i++) {
    const k = ++seq;
    const openid =
      opts.openid === false ? null : `fanout-${process.pid}-${k}-${Math.random().toString(36).slice(2, 8)}`;
    const phone = opts.phone === false ? null : `137${String(10_000_000 + k * 97 + (process.pid % 1000)).slice(-8)}`;
    const user = await ctx.dataSource.getRepository(User).save({
      openid,
      displayName: `响应${k}`,
      roles: [],
      status: 'active',
      failedLogins: 0,
      createdAt: now,
      updatedAt: now,
    });
    const vol = await ctx.dataSource.getRepository(Volunteer).save({
      userId: user.id,
      memberNo: `FO${process.pid}${k}`.slice(0, 20),
      status: 'active',
      stationId: station.id,
      tier: 'basic',
      skills: [],
      birthDate: '1985-01-01',
      serviceMinutes: 0,
      joinedAt: now,
      createdAt: now,
      phoneEnc: phone ? pii.encrypt(phone) : null,
      phoneHash: phone ? pii.hash('phone', phone) : null,
    } as Partial<Volunteer>);
    out.push({ userId: user.id, volunteerId: vol.id, phone, openid });
  }
  return out;
}

/** A call-up row and its recipients, as the call-up's create writes them, and the fan-out enqueued in that transaction. */
async function sendCallup(ctx: TestContext, to: { userId: number; volunteerId: number }[]): Promise<number> {
  const station = await ctx.org('MAS-YS-PH');
  const now = testNow();
  const fanout = ctx.app.get(CallupFanout);
  return ctx.dataSource.transaction(async (m) => {
    const c = await m.getRepository(Callup).save({
      orgUnitId: station.id,
      orgPath: station.path,
      unitName: station.name,
      kind: 'ordinary',
      mode: 'immediate',
      title: `集结${++seq}`,
      task: '雨山湖公园东门集合',
      rallyAddress: '雨山湖公园东门',
      rallyLat: 31.66,
      rallyLng: 118.5,
      rallyRadiusM: 500,
      deadlineAt: new Date(testNowMs() + 3_600_000),
      target: { orgUnitId: station.id } as never,
      targetName: station.name,
      wanted: null,
      items: [],
      planId: null,
      wartimeStateId: null,
      status: 'open',
      requestId: `fanout-${process.pid}-${seq}-${Math.random()}`,
      createdByUserId: 1,
      createdByName: '测试',
      createdAt: now,
      closedAt: null,
      closedByUserId: null,
      closedByName: null,
    } as Partial<Callup>);
    const recipients: FanoutRecipient[] = [];
    for (const p of to) {
      const r = await m.getRepository(CallupRecipient).save({
        callupId: c.id,
        volunteerId: p.volunteerId,
        userId: p.userId,
        stationId: station.id,
        source: 'direct',
        drawId: null,
        status: 'asked',
        askedAt: now,
        pointsAwarded: 0,
      } as Partial<CallupRecipient>);
      recipients.push({ recipientId: r.id, userId: p.userId, volunteerId: p.volunteerId });
    }
    await fanout.enqueue(m, c.id, recipients);
    return c.id;
  });
}

const pushesOf = (ctxs: TestContext[], callupId: number) =>
  ctxs.flatMap((c) => c.sandbox.sentMessages.filter((m) => m.page === callupPage(callupId)));
const deliveries = (ctx: TestContext, callupId: number) =>
  ctx.dataSource.getRepository(CallupDelivery).find({ where: { callupId }, order: { id: 'ASC' } });
/** Lets time pass for the due rows of this call-up (a lease or a back-off over). */
const makeDue = (ctx: TestContext, callupId: number) =>
  ctx.dataSource.query(
    'UPDATE callup_deliveries SET nextAttemptAt = ? WHERE callupId = ? AND nextAttemptAt IS NOT NULL',
    [
      E2E_DB === 'mysql'
        ? new Date(testNowMs() - 1000)
        : new Date(testNowMs() - 1000).toISOString().replace('T', ' ').slice(0, 23),
      callupId,
    ],
  );

/**
 * Reaching a call-up's recipients (docs/callups.md#reaching-people): one in-app message, one push, one text each,
 * delivered by workers after the request, retried with back-off, taken over when a worker dies, never twice.
 */
describe('Call-up fan-out (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // workers off: each test runs a worker by hand (`drain`), so what it counts is what that run did
    ctx = await createTestApp({ CALLUP_FANOUT_WORKERS: 'off' });
  });
  afterAll(() => ctx.close());
  const worker = () => ctx.app.get(CallupFanoutWorker);

  it('every recipient gets exactly one in-app message, one push where it can be sent and one text where a phone exists; the board sees who cannot be reached', async () => {
    const reachable = await people(ctx, 5);
    const noOpenid = await people(ctx, 2, { openid: false });
    const noPhone = await people(ctx, 2, { phone: false });
    const all = [...reachable, ...noOpenid, ...noPhone];
    const id = await sendCallup(ctx, all);
    expect(await ctx.app.get(CallupFanout).reachCounts(id)).toMatchObject({ asked: 9, pushPending: 9, smsPending: 9 });

    const run = await worker().drain();
    expect(run).toMatchObject({ claimed: 9, written: 9 });
    await worker().drain(); // nothing left: a second run sends nothing again

    const messages = await ctx.dataSource.getRepository(Notification).findBy({ page: callupPage(id) });
    expect(messages.map((m) => m.userId).sort()).toEqual(all.map((p) => p.userId).sort());
    expect(messages[0]).toMatchObject({ template: 'callup' });
    const pushes = pushesOf([ctx], id);
    expect(pushes.map((p) => p.touser).sort()).toEqual([...reachable, ...noPhone].map((p) => p.openid).sort());
    const texts = await ctx.dataSource.getRepository(SmsMessage).findBy({ ref: callupSmsRef(id) });
    expect(texts.map((t) => t.userId).sort()).toEqual([...reachable, ...noOpenid].map((p) => p.userId).sort());

    const reach = await ctx.app.get(CallupFanout).reachByRecipient(id);
    const rows = await deliveries(ctx, id);
    const byUser = new Map(rows.map((r) => [r.userId, reach.get(r.recipientId)]));
    expect(byUser.get(reachable[0].userId)).toEqual({ push: 'sent', sms: 'queued' });
    expect(byUser.get(noOpenid[0].userId)).toEqual({ push: 'no_consent', sms: 'queued' });
    expect(byUser.get(noPhone[0].userId)).toEqual({ push: 'sent', sms: 'no_phone' });
    expect(rows.every((r) => r.state === 'done' && r.attempts === 1 && r.nextAttemptAt === null)).toBe(true);

    await worker().idle(); // the texts the run put in the outbox went out at once
    await ctx.app.get(SmsService).deliverDue();
    const sentTexts = ctx.sandbox.sms.sentMessages.filter((m) =>
      reachable.concat(noOpenid).some((p) => m.phone === `+86${p.phone}`),
    );
    expect(sentTexts).toHaveLength(7);
    expect(await ctx.app.get(CallupFanout).reachCounts(id)).toMatchObject({
      asked: 9,
      pushSent: 7,
      pushNoConsent: 2,
      smsQueued: 7,
      smsNoPhone: 2,
      smsSent: 7,
    });
  });

  it('a push the sandbox refuses is tried again after its back-off (10 s), not before, and reaches the phone once', async () => {
    const [p] = await people(ctx, 1);
    const id = await sendCallup(ctx, [p]);
    ctx.sandbox.failSubscribeSends = 1;
    const before = testNowMs();
    await worker().drain();
    const [row] = await deliveries(ctx, id);
    expect(row).toMatchObject({ state: 'written', push: 'failed', attempts: 1, claimToken: null });
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + FANOUT_BACKOFF_MS[0] - 50);
    expect(pushesOf([ctx], id)).toHaveLength(0);

    expect(await worker().drain()).toMatchObject({ claimed: 0 }); // not due yet
    await makeDue(ctx, id);
    expect(await worker().drain()).toMatchObject({ claimed: 1, written: 0, pushed: 1 });
    expect(pushesOf([ctx], id)).toHaveLength(1);
    expect((await deliveries(ctx, id))[0]).toMatchObject({ state: 'done', push: 'sent', attempts: 2 });
    // the message itself was made once, in the first try
    expect(await ctx.dataSource.getRepository(Notification).countBy({ page: callupPage(id) })).toBe(1);
  });

  it('a claim whose worker died is taken over when its lease ends; the dead worker, if it wakes, sends nothing', async () => {
    const group = await people(ctx, 4);
    const id = await sendCallup(ctx, group);
    const fanout = ctx.app.get(CallupFanout);
    const dead = await fanout.claim(); // worker A claims, then is killed before delivering
    expect(dead).toHaveLength(4);
    expect(await worker().drain()).toMatchObject({ claimed: 0 }); // the lease still holds
    await makeDue(ctx, id); // its lease ran out
    expect(await worker().drain()).toMatchObject({ claimed: 4, written: 4, pushed: 4 });
    // worker A comes back with its stale claim: its write is refused, it pushes nothing
    expect(await fanout.deliver(dead)).toMatchObject({ written: 0, pushed: 0 });
    expect(pushesOf([ctx], id)).toHaveLength(4);
    expect(await ctx.dataSource.getRepository(Notification).countBy({ page: callupPage(id) })).toBe(4);
    expect(await ctx.dataSource.getRepository(SmsMessage).countBy({ ref: callupSmsRef(id) })).toBe(4);
    expect((await deliveries(ctx, id)).every((r) => r.state === 'done' && r.attempts === 2)).toBe(true);
  });

  it('a rolled-back call-up reaches nobody', async () => {
    const [p] = await people(ctx, 1);
    await expect(
      ctx.dataSource.transaction(async (m) => {
        await ctx.app.get(CallupFanout).enqueue(m, 999_999, [{ recipientId: 999_999, ...p }]);
        throw new Error('the call-up failed');
      }),
    ).rejects.toThrow('the call-up failed');
    expect(await ctx.dataSource.getRepository(CallupDelivery).countBy({ recipientId: 999_999 })).toBe(0);
  });
});

describe('Call-up fan-out, workers on (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // a long poll: only the wake-up after commit can deliver within the test
    ctx = await createTestApp({ CALLUP_FANOUT_POLL_MS: '600000' });
  });
  afterAll(() => ctx.close());

  it('the transaction returns before anything is delivered; the worker woken by its commit then reaches everyone', async () => {
    const group = await people(ctx, 30);
    const id = await sendCallup(ctx, group);
    // back from the commit: nothing sent yet (delivery is the worker's, after the answer)
    expect(pushesOf([ctx], id)).toHaveLength(0);
    for (let i = 0; i < 200 && pushesOf([ctx], id).length < 30; i++) await new Promise((r) => setTimeout(r, 100));
    expect(pushesOf([ctx], id)).toHaveLength(30);
    for (let i = 0; i < 100; i++) {
      if ((await deliveries(ctx, id)).every((r) => r.state === 'done')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await deliveries(ctx, id)).every((r) => r.state === 'done' && r.push === 'sent')).toBe(true);
  });
});

(E2E_DB === 'mysql' ? describe : describe.skip)('Call-up fan-out across two instances (e2e, MySQL)', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestApp({ CALLUP_FANOUT_WORKERS: 'off', CALLUP_FANOUT_BATCH: '20' });
    b = await createTestApp({ CALLUP_FANOUT_WORKERS: 'off', CALLUP_FANOUT_BATCH: '20' }, { sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('two workers on two instances draining at once deliver each of 200 messages exactly once', async () => {
    const group = await people(a, 200);
    const id = await sendCallup(a, group);
    const [ra, rb] = await Promise.all([a.app.get(CallupFanoutWorker).drain(), b.app.get(CallupFanoutWorker).drain()]);
    expect(ra.claimed + rb.claimed).toBe(200);
    const pushes = pushesOf([a, b], id);
    expect(pushes).toHaveLength(200);
    expect(new Set(pushes.map((p) => p.touser)).size).toBe(200);
    expect(await a.dataSource.getRepository(Notification).countBy({ page: callupPage(id) })).toBe(200);
    expect(await a.dataSource.getRepository(SmsMessage).countBy({ ref: callupSmsRef(id) })).toBe(200);
  });
});
