import type { DataSource } from 'typeorm';
import { Notification } from './notification.entity.js';
import type { NotifyInput } from './notifications.service.js';
import { SubscribeConsent } from './subscribe-consent.entity.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, FakeWechat, unitNotifications } from '../../../test/unit/factories.js';

const T0 = Date.parse('2026-11-30T15:30:00Z');

describe('NotificationsService', () => {
  let ds: DataSource;
  let wechat: FakeWechat;
  /** The service as it runs `ms` after T0. */
  const at = (ms = 0) =>
    unitNotifications(ds, clockAt(new Date(T0 + ms).toISOString()), wechat, {
      WECHAT_TEMPLATE_SIGNUP_RESULT: 'tpl-signup',
    });
  const input = (userId: number, over: Partial<NotifyInput> = {}): NotifyInput => ({
    userId,
    template: 'signup_result',
    title: '报名成功',
    body: '您已报名巡逻活动',
    page: 'pages/activity/detail?id=1',
    data: { thing1: '巡逻', time2: '2026-12-01 09:00' },
    ...over,
  });
  const message = (id: number) => ds.getRepository(Notification).findOneByOrFail({ id });

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    wechat = new FakeWechat();
  });
  afterAll(() => ds.destroy());

  it('pushes a message once, spending one consent, with the configured template id and fields', async () => {
    const user = await createUser(ds, new Date(T0));
    await at().recordConsents(user.id, ['signup_result', 'signup_result']);
    await at().recordConsents(user.id, ['signup_result']);
    const id = await at().notify(input(user.id));
    await at().push([id]);
    expect(wechat.sent).toEqual([
      {
        touser: user.openid,
        templateId: 'tpl-signup',
        page: 'pages/activity/detail?id=1',
        data: { thing1: { value: '巡逻' }, time2: { value: '2026-12-01 09:00' } },
      },
    ]);
    expect(await message(id)).toMatchObject({ pushStatus: 'sent', pushAttempts: 1, nextPushAt: null });
    expect(await ds.getRepository(SubscribeConsent).findOneBy({ userId: user.id })).toMatchObject({ remaining: 1 });
  });

  it('cuts a long title, body and template field by character, never inside an emoji', async () => {
    const user = await createUser(ds, new Date(T0));
    await at().recordConsents(user.id, ['signup_result']);
    const long = '🚨紧急'.repeat(200);
    const id = await at().notify(input(user.id, { title: long, body: long, data: { thing1: long } }));
    const saved = await message(id);
    expect([Array.from(saved.title).length, Array.from(saved.body).length]).toEqual([64, 500]);
    expect(Buffer.from(saved.title + saved.body).toString()).toBe(saved.title + saved.body);
    expect(wechat.sent[0].data.thing1.value).toBe('🚨紧急'.repeat(6) + '🚨紧');
  });

  it('one-time templates need a consent, long-term ones do not; no WeChat identity, no push', async () => {
    const user = await createUser(ds, new Date(T0));
    const staff = await createUser(ds, new Date(T0), { openid: null });
    const noConsent = await at().notify(input(user.id));
    const callup = await at().notify(input(user.id, { template: 'callup', title: '集合' }));
    const noOpenid = await at().notify(input(staff.id, { template: 'callup' }));
    expect((await message(noConsent)).pushStatus).toBe('no_consent');
    expect((await message(callup)).pushStatus).toBe('sent');
    expect((await message(noOpenid)).pushStatus).toBe('no_openid');
    expect(wechat.sent).toHaveLength(1);
  });

  it('a failed push is retried after 1, 5, 30 and 120 minutes, then stays failed; one consent in all', async () => {
    const user = await createUser(ds, new Date(T0));
    await at().recordConsents(user.id, ['signup_result']);
    await at().recordConsents(user.id, ['signup_result']);
    wechat.failures = 9;
    const id = await at().notify(input(user.id));
    expect(await message(id)).toMatchObject({ pushStatus: 'failed', pushAttempts: 1 });
    let t = 0;
    for (const waitMin of [1, 5, 30, 120]) {
      expect(await at(t + waitMin * 60_000 - 5_000).retryDue()).toEqual({ tried: 0, sent: 0, failed: 0 });
      t += waitMin * 60_000 + 10_000;
      expect(await at(t).retryDue()).toEqual({ tried: 1, sent: 0, failed: 1 });
    }
    expect(await message(id)).toMatchObject({ pushStatus: 'failed', pushAttempts: 5, nextPushAt: null });
    expect(await at(t + 86_400_000).retryDue()).toMatchObject({ tried: 0 });
    expect(await ds.getRepository(SubscribeConsent).findOneBy({ userId: user.id })).toMatchObject({ remaining: 1 });
  });

  it('a message whose push after commit never happened is sent by the retry job two minutes later', async () => {
    const user = await createUser(ds, new Date(T0));
    const id = await ds.transaction((m) => at().create(m, input(user.id, { template: 'callup' })));
    expect(await at(60_000).retryDue()).toMatchObject({ tried: 0 });
    expect(await at(130_000).retryDue()).toEqual({ tried: 1, sent: 1, failed: 0 });
    await at(131_000).push([id]);
    expect(wechat.sent).toHaveLength(1);
  });

  it("lists one's own messages with the unread count; marking another person's message is NOT_FOUND", async () => {
    const [me, other] = [await createUser(ds, new Date(T0)), await createUser(ds, new Date(T0))];
    const a = await at().notify(input(me.id, { title: '甲' }));
    await at().notify(input(me.id, { title: '乙' }));
    const theirs = await at().notify(input(other.id));
    await at().markRead(me.id, a);
    await at().markRead(me.id, a);
    await expect(at().markRead(me.id, theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const list = await at().list(me.id, { page: 1, pageSize: 10 });
    expect([list.total, list.unread, list.items.map((n) => [n.title, n.read])]).toEqual([
      2,
      1,
      [
        ['乙', false],
        ['甲', true],
      ],
    ]);
  });
});
