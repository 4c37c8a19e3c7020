import { E2E_DB, bearer, createTestApp, type TestContext } from './support/test-app.js';
import { createVolunteers, publishActivity, type TestVolunteer } from './support/activity-factories.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';

/**
 * Two server instances on one MySQL database, as behind a load balancer: the capacity and
 * waitlist rules live in the database (conditional updates, unique keys), so they hold when the
 * requests of one rush are split between instances. (The embedded database is one process only.)
 */
(E2E_DB === 'mysql' ? describe : describe.skip)('Sign-up across two server instances (e2e, MySQL)', () => {
  let a: TestContext;
  let b: TestContext;
  let pinghu: string;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, { sameDatabaseAs: a });
    pinghu = (await a.loginStaff('pinghu_station')).accessToken;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const via = (ctx: TestContext, v: TestVolunteer, path: string) =>
    ctx
      .http()
      .post(path)
      .set(...bearer(v.token));

  it('300 simultaneous sign-ups for 30 places, alternating instances: 30 confirmed, waitlist positions 1–270 once each; two cancellations, one per instance, promote the first two in line', async () => {
    const activity = await publishActivity(a, pinghu, { capacity: 30, title: '双实例压测' });
    const vs = await createVolunteers(a, 300);
    const results = await Promise.all(vs.map((v, i) => via(i % 2 ? b : a, v, `/api/activities/${activity.id}/signup`)));
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(30);
    const positions = results
      .filter((r) => r.body.status === 'waitlisted')
      .map((r) => r.body.waitlistPosition as number);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    expect((await a.dataSource.getRepository(Activity).findOneByOrFail({ id: activity.id })).confirmedCount).toBe(30);

    // the same volunteer on both instances at once: one sign-up, one ACTIVITY_ALREADY_SIGNED_UP
    const [late] = await createVolunteers(a, 1);
    const twice = await Promise.all([
      via(a, late, `/api/activities/${activity.id}/signup`),
      via(b, late, `/api/activities/${activity.id}/signup`),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 409)?.body.code).toBe('ACTIVITY_ALREADY_SIGNED_UP');

    // two confirmed volunteers cancel at once, one on each instance: the first two in line move up
    const confirmed = vs.filter((_, i) => results[i].body.status === 'confirmed').slice(0, 2);
    const firstInLine = results
      .filter((r) => r.body.status === 'waitlisted')
      .sort((x, y) => x.body.waitlistPosition - y.body.waitlistPosition)
      .slice(0, 2)
      .map((r) => r.body.id as number);
    await Promise.all(
      confirmed.map((v, i) => via(i ? b : a, v, `/api/activities/${activity.id}/signup/cancel`).expect(200)),
    );
    const rows = await a.dataSource
      .getRepository(ActivitySignup)
      .findBy({ activityId: activity.id, status: 'confirmed' });
    expect(rows).toHaveLength(30);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(firstInLine));
    expect((await a.dataSource.getRepository(Activity).findOneByOrFail({ id: activity.id })).confirmedCount).toBe(30);
  }, 60_000);
});

(E2E_DB === 'mysql' ? describe : describe.skip)('Login rate limit across two server instances (e2e, MySQL)', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '4' });
    b = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '4' }, { sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts the attempts of both instances together: the fifth attempt in the minute is refused on either', async () => {
    const attempt = (ctx: TestContext) =>
      ctx.http().post('/api/auth/staff/login').send({ username: 'city', password: 'wrong' });
    // four at once, two on each instance: all within the limit
    const first = await Promise.all([attempt(a), attempt(b), attempt(a), attempt(b)]);
    expect(first.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    for (const ctx of [a, b]) {
      const refused = await attempt(ctx);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(refused.body.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });
});
