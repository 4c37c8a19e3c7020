import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { activityInput, publishActivity } from './support/activity-factories.js';

/**
 * A WeChat account starts as "微信用户"; once approved, the member's real name (from the
 * application, kept in the volunteer archive) is what the member and staff see.
 */
describe('Member name: the real name, not the WeChat placeholder (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let branch: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
    branch = await staffToken(ctx, 'yushan_branch');
  });
  afterAll(() => ctx.close());

  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);

  it('a newly approved member sees their name on the home card; staff see it on the sign-up and attendance list', async () => {
    const app = await submitted(ctx, 'name-new-member', 'MAS-YS-PH-C1', { name: '钱小明' });
    expect((await get('/api/me', app.applicant.token).expect(200)).body.displayName).toBe('微信用户');
    await recordClearCheck(ctx, station, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);

    const me = (await get('/api/me', app.applicant.token).expect(200)).body;
    expect(me.volunteer).not.toBeNull();
    expect(me.displayName).toBe('钱小明');

    const activity = await publishActivity(ctx, station);
    await post(`/api/activities/${activity.id}/signup`, app.applicant.token).expect(201);
    const list = (await get(`/api/admin/activities/${activity.id}/signups?status=confirmed`, station).expect(200)).body;
    expect(list.items.map((s: { volunteer: { name: string } }) => s.volunteer.name)).toEqual(['钱小明']);

    // what the member files carries the real name too (the actor's name)
    const proposal = await post(
      '/api/activity-proposals',
      app.applicant.token,
      activityInput({ title: '小区反诈宣传' }),
    ).expect(201);
    expect(proposal.body.proposal.proposedBy).toBe('钱小明');
  });

  it('the public client config serves the applicant age bounds the server checks', async () => {
    expect((await ctx.http().get('/api/client-config').expect(200)).body.applicantAge).toEqual({ min: 18, max: 65 });
  });

  it('staff keep the name the administrator gave them', async () => {
    expect((await get('/api/me', station).expect(200)).body.displayName).toBe('王所长');
  });
});
