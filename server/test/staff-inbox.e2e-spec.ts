import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { atOnce, recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { testNowMs } from './support/test-clock.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { Application } from '../src/modules/applications/application.entity.js';

const DAY = 86_400_000;

interface Row {
  username: string;
  title: string;
  page: string;
}

describe('Staff inbox: review-time warnings, transfer requests, unread count (e2e)', () => {
  let ctx: TestContext;
  let admin: string;
  let station: string;
  let branch: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await staffToken(ctx, 'admin');
    station = await staffToken(ctx, 'pinghu_station');
    branch = await staffToken(ctx, 'yushan_branch');
  });
  afterAll(() => ctx.close());

  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));
  const runJob = () => post('/api/admin/jobs/review-sla-warnings/run', admin).expect(200);

  /** The messages of one template whose link names this record, with the recipient's username. */
  async function messages(template: string, pageSuffix: string): Promise<Row[]> {
    const rows: Row[] = await ctx.dataSource.query(
      `SELECT u.username AS username, n.title AS title, n.page AS page FROM notifications n
       JOIN users u ON u.id = n.userId WHERE n.template = ? AND n.page LIKE ? ORDER BY u.username`,
      [template, `%${pageSuffix}`],
    );
    return rows.map((r) => ({ username: r.username, title: r.title, page: r.page }));
  }
  const backdate = (id: number, days: number) =>
    ctx.dataSource.getRepository(Application).update(id, { submittedAt: new Date(testNowMs() - days * DAY) });

  it('an overdue application warns the reviewers of its stage at its unit once per stage, however often the job runs', async () => {
    const late = await submitted(ctx, 'sla-late');
    const fresh = await submitted(ctx, 'sla-fresh');
    await backdate(late.id, 4);
    await backdate(fresh.id, 2);

    // twice at once through the lease, then the bodies of two instances side by side without it
    await atOnce([runJob, runJob]);
    const jobs = ctx.app.get(JobsService);
    await atOnce([() => jobs.runUnleased('review-sla-warnings'), () => jobs.runUnleased('review-sla-warnings')]);
    await runJob();

    // 平湖社区's application waits on the first review at the community: its community officer is told, once
    expect(await messages('review_overdue', `?id=${late.id}`)).toEqual([
      {
        username: 'pinghu_community',
        title: '入会申请初审超时',
        page: `admin-applications/review-detail/index?id=${late.id}`,
      },
    ]);
    expect(await messages('review_overdue', `?id=${fresh.id}`)).toEqual([]);

    // past the first step it waits on the branch: the branch officers of 雨山分局 are told, nobody else
    await recordClearCheck(ctx, station, late.id);
    await post(`/api/admin/applications/${late.id}/approve`, station).expect(200);
    await atOnce([runJob, runJob]);
    await runJob();
    expect((await messages('review_overdue', `?id=${late.id}`)).map((m) => `${m.username}:${m.title}`)).toEqual([
      'pinghu_community:入会申请初审超时',
      'yushan_branch:入会申请审批超时',
    ]);

    // decided: nothing more
    await post(`/api/admin/applications/${late.id}/approve`, branch).expect(200);
    await runJob();
    expect(await messages('review_overdue', `?id=${late.id}`)).toHaveLength(2);
  });

  it('a community without its own reviewer: the station officers are told instead', async () => {
    // 雨山湖社区 has no community officer
    const app = await submitted(ctx, 'sla-station', 'MAS-YS-PH-C2');
    await backdate(app.id, 10);
    await runJob();
    expect((await messages('review_overdue', `?id=${app.id}`)).map((m) => m.username)).toEqual(['pinghu_station']);
    // the officer opens the linked application in scope
    await get(`/api/admin/applications/${app.id}`, station).expect(200);
  });

  it('a cross-branch transfer asks the receiving branch only; a move within the branch asks nobody', async () => {
    const app = await submitted(ctx, 'transfer-inbox');
    await recordClearCheck(ctx, station, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
    const [{ id: volunteerId }] = await ctx.dataSource.query('SELECT id FROM volunteers WHERE applicationId = ?', [
      app.id,
    ]);
    const suffix = `?transfer=${volunteerId}`;

    await post(`/api/admin/volunteers/${volunteerId}/reassign`, station, {
      stationId: (await ctx.org('MAS-YS-YS')).id,
      reason: '搬家到雨山',
    }).expect(201);
    expect(await messages('station_transfer', suffix)).toEqual([]);

    await post(`/api/admin/volunteers/${volunteerId}/reassign`, branch, {
      stationId: (await ctx.org('MAS-HS-JFL')).id,
      reason: '调往花山驻勤',
    }).expect(201);
    const sent = await messages('station_transfer', suffix);
    expect(sent).toEqual([
      {
        username: 'huashan_branch',
        title: '义警跨分局调入待接收',
        page: `admin-applications/volunteers/index?transfer=${volunteerId}`,
      },
    ]);
    const huashan = await staffToken(ctx, 'huashan_branch');
    const list = await get('/api/me/messages', huashan).expect(200);
    const msg = list.body.items.find((m: { page: string }) => m.page === sent[0].page);
    expect(msg.body).toContain('调往花山驻勤');
    expect(msg.body).toContain('解放路派出所');
  });

  it('the unread count matches the list and drops when a message is read; it is per person', async () => {
    const huashan = await staffToken(ctx, 'huashan_branch');
    const before = (await get('/api/me/messages/unread-count', huashan).expect(200)).body;
    const list = (await get('/api/me/messages', huashan).expect(200)).body;
    expect(before).toEqual({ unread: list.unread });
    expect(before.unread).toBeGreaterThan(0);
    const unread = list.items.find((m: { read: boolean }) => !m.read);
    await post(`/api/me/messages/${unread.id}/read`, huashan).expect(204);
    expect((await get('/api/me/messages/unread-count', huashan).expect(200)).body).toEqual({
      unread: before.unread - 1,
    });
    // someone else's message cannot be read by this person, and their count is their own
    const other = (await get('/api/me/messages', branch).expect(200)).body;
    expect((await get('/api/me/messages/unread-count', branch).expect(200)).body).toEqual({ unread: other.unread });
    await ctx.http().get('/api/me/messages/unread-count').expect(401);
  });
});
