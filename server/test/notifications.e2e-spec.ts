import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import { sandboxOpenId } from '../src/wechat-sandbox/sandbox-server.js';
import { NOTIFICATION_TEMPLATE_KEYS, sandboxTemplateId } from '@jianghuai/shared';
import { notificationsConfig, type NotificationsConfig } from '../src/config/notifications.config.js';

describe('Notifications (e2e)', () => {
  let ctx: TestContext;
  let sut: NotificationsService;
  beforeAll(async () => {
    ctx = await createTestApp();
    sut = ctx.app.get(NotificationsService);
  });
  afterAll(() => ctx.close());

  it('with a one-time consent the message is pushed once through WeChat and always lands in the in-app list', async () => {
    const vol = await ctx.loginWechat('zhangwei');
    await ctx
      .http()
      .post('/api/me/subscriptions')
      .set(...bearer(vol.accessToken))
      .send({ templates: ['application_result'] })
      .expect(204);
    const first = await sut.notify({
      userId: vol.user.id,
      template: 'application_result',
      title: '审核通过',
      body: '欢迎加入江淮义警',
      data: { thing1: '审核通过' },
    });
    const second = await sut.notify({
      userId: vol.user.id,
      template: 'application_result',
      title: '第二条',
      body: '无授权',
    });
    const sent = ctx.sandbox.sentMessages.filter((m) => m.touser === sandboxOpenId('zhangwei'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      template_id: 'sandbox-tmpl-application_result',
      data: { thing1: { value: '审核通过' } },
    });
    const list = await ctx
      .http()
      .get('/api/me/messages')
      .set(...bearer(vol.accessToken))
      .expect(200);
    expect(list.body.unread).toBe(2);
    const byId = Object.fromEntries(list.body.items.map((m: { id: number; pushed: boolean }) => [m.id, m.pushed]));
    expect(byId).toEqual({ [first]: true, [second]: false });
    await ctx
      .http()
      .post(`/api/me/messages/${first}/read`)
      .set(...bearer(vol.accessToken))
      .expect(204);
    expect(
      (
        await ctx
          .http()
          .get('/api/me/messages')
          .set(...bearer(vol.accessToken))
      ).body.unread,
    ).toBe(1);
  });

  it('the mini-program reads, without signing in, the template ids the server pushes with', async () => {
    const before = await ctx.http().get('/api/client-config').expect(200);
    expect(Object.keys(before.body.subscribeTemplates).sort()).toEqual([...NOTIFICATION_TEMPLATE_KEYS].sort());
    expect(before.body.subscribeTemplates.signup_result).toBe('sandbox-tmpl-signup_result');
    // WECHAT_TEMPLATE_SIGNUP_RESULT, as configured at boot
    const { templateIds } = ctx.app.get<NotificationsConfig>(notificationsConfig.KEY);
    templateIds.signup_result = 'Tq8-real-signup-result';
    try {
      const served = await ctx.http().get('/api/client-config').expect(200);
      expect(served.body.subscribeTemplates.signup_result).toBe('Tq8-real-signup-result');
      // and a push for that key goes out with the same id
      const vol = await ctx.loginWechat('template-ids');
      await ctx
        .http()
        .post('/api/me/subscriptions')
        .set(...bearer(vol.accessToken))
        .send({ templates: ['signup_result'] })
        .expect(204);
      await sut.notify({ userId: vol.user.id, template: 'signup_result', title: '报名成功', body: '报名成功' });
      const sent = ctx.sandbox.sentMessages.filter((m) => m.touser === sandboxOpenId('template-ids'));
      expect(sent.map((m) => m.template_id)).toEqual(['Tq8-real-signup-result']);
    } finally {
      templateIds.signup_result = sandboxTemplateId('signup_result');
    }
  });

  it('a long-term template needs no fresh consent', async () => {
    const vol = await ctx.loginWechat('lina');
    await sut.notify({ userId: vol.user.id, template: 'callup', title: '集合', body: '请到平湖派出所集合' });
    expect(
      ctx.sandbox.sentMessages.some(
        (m) => m.touser === sandboxOpenId('lina') && m.template_id === 'sandbox-tmpl-callup',
      ),
    ).toBe(true);
  });

  it('a failing WeChat API leaves the message in the list, marked for retry, and does not throw', async () => {
    const vol = await ctx.loginWechat('retry-user');
    const client = ctx.app.get(NotificationsService);
    const original = ctx.config.wechat.apiBase;
    ctx.config.wechat.apiBase = 'http://127.0.0.1:1';
    try {
      await client.notify({ userId: vol.user.id, template: 'callup', title: '集合', body: '测试' });
    } finally {
      ctx.config.wechat.apiBase = original;
    }
    const [row] = await ctx.dataSource.query('SELECT pushStatus, pushAttempts FROM notifications WHERE userId = ?', [
      vol.user.id,
    ]);
    expect(row).toMatchObject({ pushStatus: 'failed', pushAttempts: 1 });
  });

  it("someone cannot read or mark another person's message", async () => {
    const a = await ctx.loginWechat('zhangwei');
    const b = await ctx.loginWechat('lina');
    const id = await sut.notify({ userId: a.user.id, template: 'activity_reminder', title: '提醒', body: '明天巡逻' });
    await ctx
      .http()
      .post(`/api/me/messages/${id}/read`)
      .set(...bearer(b.accessToken))
      .expect(404);
    const list = await ctx
      .http()
      .get('/api/me/messages')
      .set(...bearer(b.accessToken))
      .expect(200);
    expect(list.body.items.some((m: { id: number }) => m.id === id)).toBe(false);
  });
});
