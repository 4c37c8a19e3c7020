import type { DataSource } from 'typeorm';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { FakeSmsSender, unitSms } from '../../../test/unit/factories-sms.js';
import { unitVolunteerReach } from '../../../test/unit/factories-alerts.js';
import {
  FakeWechat,
  createUser,
  createVolunteer,
  orgTree,
  unitNotifications,
  unitPii,
} from '../../../test/unit/factories.js';
import { readArea } from '../../config/config-area.js';
import { callupFanoutConfig } from '../../config/callup-fanout.config.js';
import { smsConfig } from '../../config/sms.config.js';
import { Notification } from '../../../test/unit/rows.js';
import { SmsMessage } from '../sms/sms-message.entity.js';
import { CallupFanout, FANOUT_BACKOFF_MS, callupPage, type FanoutRecipient } from './callup-fanout.service.js';
import { CallupDelivery } from './entities/callup-delivery.entity.js';
import { Callup } from './entities/callup.entity.js';

const T0 = '2026-11-30T15:30:00Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe(CallupFanout.name, () => {
  let ds: DataSource;
  let wechat: FakeWechat;
  const sutAt = (iso = T0) => {
    const clock = clockAt(iso);
    return new CallupFanout(
      ds,
      unitNotifications(ds, clock, wechat),
      unitSms(ds, clock, new FakeSmsSender()),
      unitVolunteerReach(ds, clock),
      clock,
      readArea(callupFanoutConfig.read, {}),
      readArea(smsConfig.read, { NODE_ENV: 'test' }),
    );
  };
  const rows = () => ds.getRepository(CallupDelivery).find({ order: { id: 'ASC' } });

  /** A call-up and `n` recipients (every other one with a phone), enqueued in one transaction. */
  async function callup(n: number): Promise<{ id: number; to: FanoutRecipient[] }> {
    const tree = await orgTree(ds, new Date(T0));
    const c = await ds.getRepository(Callup).save({
      orgUnitId: tree.stationA.id,
      orgPath: tree.stationA.path,
      unitName: tree.stationA.name,
      kind: 'ordinary',
      mode: 'immediate',
      title: '紧急集结',
      task: '东门集合',
      rallyAddress: '雨山湖公园东门',
      rallyLat: 31.66,
      rallyLng: 118.5,
      rallyRadiusM: 500,
      deadlineAt: new Date(at(3_600_000)),
      target: {} as never,
      targetName: tree.stationA.name,
      wanted: null,
      items: [],
      planId: null,
      wartimeStateId: null,
      status: 'open',
      requestId: `unit-${Math.random()}`,
      createdByUserId: 1,
      createdByName: '民警',
      createdAt: new Date(T0),
      closedAt: null,
      closedByUserId: null,
      closedByName: null,
    } as Partial<Callup>);
    const to: FanoutRecipient[] = [];
    for (let i = 0; i < n; i++) {
      const user = await createUser(ds, new Date(T0));
      const phone = i % 2 === 0 ? `1390000${String(1000 + i).slice(-4)}` : null;
      const v = await createVolunteer(ds, new Date(T0), user, tree.stationA, {
        phoneEnc: phone ? unitPii.encrypt(phone) : null,
        phoneHash: phone ? unitPii.hash('phone', phone) : null,
      });
      to.push({ recipientId: 1000 + i, userId: user.id, volunteerId: v.id });
    }
    await ds.transaction((m) => sutAt(at(-1000)).enqueue(m, c.id, to));
    return { id: c.id, to };
  }

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    wechat = new FakeWechat();
  });
  afterAll(() => ds.destroy());

  it('enqueue writes one queued row per recipient, due at once, in batches over 400', async () => {
    const { id } = await callup(401);
    const all = await rows();
    expect(all).toHaveLength(401);
    expect(all[0]).toMatchObject({ callupId: id, state: 'queued', push: 'pending', sms: 'pending', attempts: 0 });
  });

  it('claim takes due rows once: a second claim finds none until the lease ends', async () => {
    await callup(3);
    const first = await sutAt().claim();
    expect(first).toHaveLength(3);
    expect(await sutAt(at(1000)).claim()).toHaveLength(0);
    expect(await sutAt(at(61_000)).claim()).toHaveLength(3); // the default lease is 60 s
  });

  it('deliver makes the message, the text where a phone exists and the push, and records each', async () => {
    const { id } = await callup(2);
    const sut = sutAt();
    expect(await sut.deliver(await sut.claim())).toMatchObject({ claimed: 2, written: 2, pushed: 2, textsQueued: 1 });
    expect(await ds.getRepository(Notification).countBy({ page: callupPage(id) })).toBe(2);
    expect(await ds.getRepository(SmsMessage).count()).toBe(1);
    expect(wechat.sent).toHaveLength(2);
    const [a, b] = await rows();
    expect(a).toMatchObject({ state: 'done', push: 'sent', sms: 'queued', claimToken: null, nextAttemptAt: null });
    expect(b).toMatchObject({ state: 'done', push: 'sent', sms: 'no_phone' });
    expect(await sut.reachCounts(id)).toMatchObject({ asked: 2, pushSent: 2, smsQueued: 1, smsNoPhone: 1 });
  });

  it('a failed push waits 10 s, 1 min, 5 min, then stays failed', async () => {
    await callup(1);
    wechat.failures = 10;
    let t = 0;
    for (const wait of FANOUT_BACKOFF_MS) {
      const sut = sutAt(at(t));
      await sut.deliver(await sut.claim());
      const [row] = await rows();
      expect(row).toMatchObject({ state: 'written', push: 'failed' });
      expect(row.nextAttemptAt!.getTime() - Date.parse(at(t))).toBeGreaterThanOrEqual(wait - 100);
      t += wait + 1000;
    }
    const sut = sutAt(at(t));
    await sut.deliver(await sut.claim());
    expect((await rows())[0]).toMatchObject({ state: 'done', push: 'failed', attempts: 4, nextAttemptAt: null });
    expect(wechat.sent).toHaveLength(0);
  });
});
