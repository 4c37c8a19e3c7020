import { addCalendarDays } from '@jianghuai/shared';
import { In } from 'typeorm';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { atOnce, recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { testNowMs, testToday } from './support/test-clock.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { JobLeaseService } from '../src/modules/jobs/job-lease.service.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { sandboxOpenId } from '../src/wechat-sandbox/sandbox-server.js';

const DAY = 86_400_000;

describe('Scheduled jobs (e2e)', () => {
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

  const run = (name: string, token = admin) =>
    ctx
      .http()
      .post(`/api/admin/jobs/${name}/run`)
      .set(...bearer(token));
  const volunteers = () => ctx.dataSource.getRepository(Volunteer);

  async function approved(name: string): Promise<Volunteer> {
    const app = await submitted(ctx, name);
    await recordClearCheck(ctx, station, app.id);
    await ctx
      .http()
      .post(`/api/admin/applications/${app.id}/approve`)
      .set(...bearer(station))
      .expect(200);
    await ctx
      .http()
      .post(`/api/admin/applications/${app.id}/approve`)
      .set(...bearer(branch))
      .expect(200);
    return volunteers().findOneByOrFail({ applicationId: app.id });
  }

  it('only a sysadmin may run jobs; an unknown job is 404', async () => {
    await run('inactivity-revocation', station).expect(403);
    expect((await run('no-such-job')).body.code).toBe('JOB_UNKNOWN');
  });

  it('revokes after 365 days without duty unless exempt, warns 30 days before, and run twice at once revokes once', async () => {
    const idle = await approved('idle-user');
    const exempt = await approved('exempt-user');
    const warned = await approved('warn-user');
    const active = await approved('active-user');
    await volunteers().update(idle.id, { lastDutyAt: new Date(testNowMs() - 400 * DAY) });
    await volunteers().update(exempt.id, { lastDutyAt: new Date(testNowMs() - 400 * DAY) });
    await volunteers().update(warned.id, { lastDutyAt: new Date(testNowMs() - 340 * DAY) });
    await volunteers().update(active.id, { lastDutyAt: new Date(testNowMs() - 10 * DAY) });
    await ctx
      .http()
      .post(`/api/admin/volunteers/${exempt.id}/exemptions`)
      .set(...bearer(station))
      .send({ reason: '因病住院', endsOn: '2099-01-01' })
      .expect(201);

    const [a, b] = await atOnce([() => run('inactivity-revocation'), () => run('inactivity-revocation')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // either one held the lease while the other skipped, or they ran one after the other:
    // in both cases the idle volunteer is revoked exactly once
    expect(a.body.ran || b.body.ran).toBe(true);
    expect((a.body.result.revoked ?? 0) + (b.body.result.revoked ?? 0)).toBe(1);

    const statuses = Object.fromEntries(
      (await volunteers().findBy({ id: In([idle.id, exempt.id, warned.id, active.id]) })).map((v) => [v.id, v.status]),
    );
    expect(statuses).toEqual({
      [idle.id]: 'revoked',
      [exempt.id]: 'active',
      [warned.id]: 'active',
      [active.id]: 'active',
    });
    const revocations = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'volunteer.revoke_inactive' AND targetId = ?",
      [String(idle.id)],
    );
    expect(Number(revocations[0].n)).toBe(1);

    // a second run later changes nothing and warns nobody twice
    const again = await run('inactivity-revocation').expect(200);
    expect(again.body).toMatchObject({ ran: true, result: { revoked: 0, warned: 0 } });
    const warnings = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND title = '履职提醒'",
      [warned.userId],
    );
    expect(Number(warnings[0].n)).toBe(1);
    const idleMessages = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND title = '义警资格已取消'",
      [idle.userId],
    );
    expect(Number(idleMessages[0].n)).toBe(1);
  });

  it('the job body alone is idempotent too: two instances bypassing the lease revoke once', async () => {
    const idle = await approved('idle-twice');
    await volunteers().update(idle.id, { lastDutyAt: new Date(testNowMs() - 500 * DAY) });
    const jobs = ctx.app.get(JobsService);
    const [x, y] = await atOnce([
      () => jobs.runUnleased('inactivity-revocation'),
      () => jobs.runUnleased('inactivity-revocation'),
    ]);
    expect(x.revoked + y.revoked).toBe(1);
    expect((await volunteers().findOneByOrFail({ id: idle.id })).status).toBe('revoked');
  });

  it('a lease held by another instance blocks the run until it expires', async () => {
    const leases = ctx.app.get(JobLeaseService);
    expect(await leases.acquire('level-regrade', 'other-instance')).toBe(true);
    expect((await run('level-regrade')).body.ran).toBe(false);
    await ctx.dataSource.query("UPDATE job_leases SET leaseUntil = ? WHERE name = 'level-regrade'", [
      '2000-01-01 00:00:00.000',
    ]);
    expect((await run('level-regrade')).body.ran).toBe(true);
    const overview = await ctx
      .http()
      .get('/api/admin/jobs')
      .set(...bearer(admin))
      .expect(200);
    expect(overview.body.find((j: { name: string }) => j.name === 'level-regrade')).toMatchObject({ holder: null });
    // both manual runs are in the audit log, the blocked one saying it did nothing
    const audit = await ctx
      .http()
      .get('/api/admin/audit-logs?action=job.run')
      .set(...bearer(admin))
      .expect(200);
    const runs = audit.body.items
      .filter((a: { targetId: string }) => a.targetId === 'level-regrade')
      .map((a: { after: { ran: boolean } }) => a.after.ran);
    expect(runs.slice(0, 2).sort()).toEqual([false, true]);
  });

  it('re-grades star levels by confirmed hours', async () => {
    const v = await approved('level-user');
    await volunteers().update(v.id, { serviceMinutes: 320 * 60 });
    await run('level-regrade').expect(200);
    expect((await volunteers().findOneByOrFail({ id: v.id })).starLevel).toBe(3);
  });

  it('certificate expiry reminders go once per certificate', async () => {
    const v = await approved('cert-user');
    const soon = addCalendarDays(testToday(), 10);
    await volunteers().update(v.id, {
      skills: [
        { name: '急救', certificateNo: 'JJ-9', expiresOn: soon },
        { name: '消防', expiresOn: '2099-01-01' },
      ],
    });
    const first = await run('certificate-expiry-reminders').expect(200);
    expect(first.body.result.reminded).toBeGreaterThanOrEqual(1);
    await run('certificate-expiry-reminders').expect(200);
    const rows = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND template = 'certificate_expiry'",
      [v.userId],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('yearly criminal-record re-check reminders go to the managing station once', async () => {
    const v = await approved('recheck-due');
    await volunteers().update(v.id, { criminalCheckedAt: new Date(testNowMs() - 370 * DAY) });
    await ctx
      .http()
      .post('/api/me/subscriptions')
      .set(...bearer(station))
      .send({ templates: ['criminal_recheck'] });
    await run('criminal-recheck-reminders').expect(200);
    await run('criminal-recheck-reminders').expect(200);
    const stationUser = (await ctx.dataSource.query("SELECT id FROM users WHERE username = 'pinghu_station'"))[0].id;
    const rows = await ctx.dataSource.query(
      "SELECT body FROM notifications WHERE userId = ? AND template = 'criminal_recheck'",
      [stationUser],
    );
    expect(rows.filter((r: { body: string }) => r.body.includes('测试人'))).toHaveLength(1);
    expect(ctx.sandbox.sentMessages.some((m) => m.touser === sandboxOpenId('recheck-due'))).toBe(false);
  });
});
