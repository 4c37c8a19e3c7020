import { addCalendarDays } from '@jianghuai/shared';
import { CallupSpeedQueries } from '../src/modules/callups/callup-speed.queries.js';
import { bearer, createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { createVolunteers, type TestVolunteer } from './support/activity-factories.js';
import { insertCallup, setProgress } from './support/callup-factories.js';
import { testToday } from './support/test-clock.js';

/**
 * The live board of a call-up and the response speed per unit (docs/callups.md#the-live-board-and-response-speed):
 * exact counts, people with times (newest change first, capped), median and p90 by nearest rank against figures
 * worked out by hand, scoped reads, and two instances on one database showing the same board.
 */
describe(`call-up board and response speed (${E2E_DB})`, () => {
  let ctx: TestContext;
  const staff: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const u of ['pinghu_station', 'yushan_station', 'yushan_branch', 'huashan_branch', 'city', 'pinghu_community'])
      staff[u] = (await ctx.loginStaff(u)).accessToken;
  });
  afterAll(() => ctx?.close());

  const admin = (who: string, path: string) =>
    ctx
      .http()
      .get(`/api/admin${path}`)
      .set(...bearer(staff[who]));

  it('counts, people with times and the speed figures of one call-up, worked out by hand', async () => {
    const vs = await createVolunteers(ctx, 7);
    const createdAt = new Date(ctx.clock.nowMs() - 30 * 60_000);
    const { callup, recipients: r } = await insertCallup(ctx, vs, { createdAt, wanted: 5 });
    await setProgress(ctx, callup, r[0].id, { acceptS: 30, arriveS: 200, reportS: 500 });
    await setProgress(ctx, callup, r[1].id, { acceptS: 60, arriveS: 400 });
    await setProgress(ctx, callup, r[2].id, { acceptS: 90 });
    await setProgress(ctx, callup, r[3].id, { acceptS: 120 });
    await setProgress(ctx, callup, r[4].id, { acceptS: 300 });
    await setProgress(ctx, callup, r[5].id, { declineS: 45 });

    const board = await admin('pinghu_station', `/callups/${callup.id}/board`).expect(200);
    expect(board.body.counts).toMatchObject({
      asked: 7,
      accepted: 5,
      declined: 1,
      arrived: 2,
      reported: 1,
      wanted: 5,
    });
    // accept delays 30 60 90 120 300: median = 3rd of 5, p90 = 5th; arrive delays 200 400: 1st and 2nd of 2
    expect(board.body.speed).toEqual({ acceptMedianS: 90, acceptP90S: 300, arriveMedianS: 200, arriveP90S: 400 });
    expect(board.body.callup).toMatchObject({ id: callup.id, status: 'open', unitName: '平湖派出所', wanted: 5 });
    const order = board.body.people.map((p: { recipientId: number }) => p.recipientId);
    expect(order).toEqual([r[0], r[1], r[4], r[3], r[2], r[5], r[6]].map((x) => x.id));
    const first = board.body.people[0];
    const at = (s: number) => new Date(createdAt.getTime() + s * 1000).toISOString();
    expect(first).toMatchObject({
      volunteerId: vs[0].volunteerId,
      stationName: '平湖派出所',
      status: 'reported',
      source: 'direct',
      askedAt: createdAt.toISOString(),
      acceptedAt: at(30),
      arrivedAt: at(200),
      reportedAt: at(500),
      declinedAt: null,
    });
    expect(first.name).toMatch(/^义警\d+$/);
    expect(board.body.people[5]).toMatchObject({ status: 'declined', declinedAt: at(45), acceptedAt: null });

    // the last one accepts now: the next reading shows it, no reload of anything else needed
    await ctx
      .http()
      .post(`/api/callups/${callup.id}/answer`)
      .set(...bearer(vs[6].token))
      .send({ answer: 'accept' })
      .expect(200);
    const next = await admin('pinghu_station', `/callups/${callup.id}/board`).expect(200);
    expect(next.body.counts).toMatchObject({ asked: 7, accepted: 6 });
    expect(next.body.people[0]).toMatchObject({ recipientId: r[6].id, status: 'accepted' });
  });

  it('is scoped: the station and those above it read it, another station or the community below 404', async () => {
    const { callup } = await insertCallup(ctx, await createVolunteers(ctx, 1));
    for (const who of ['pinghu_station', 'yushan_branch', 'city'])
      await admin(who, `/callups/${callup.id}/board`).expect(200);
    for (const who of ['yushan_station', 'huashan_branch', 'pinghu_community']) {
      await admin(who, `/callups/${callup.id}/board`).expect(404);
      await admin(who, `/callups/${callup.id}/qr`).expect(404);
    }
    await admin('pinghu_station', '/callups/99999999/board').expect(404);
    await admin('pinghu_station', '/callups/abc/board').expect(400);
    const [guard] = await createVolunteers(ctx, 1);
    await ctx
      .http()
      .get(`/api/admin/callups/${callup.id}/board`)
      .set(...bearer(guard.token))
      .expect(403);
  });

  it('lists at most 500 people, newest changes first, while the counts stay exact', async () => {
    const vs = await createVolunteers(ctx, 501);
    const { callup, recipients } = await insertCallup(ctx, vs, {
      createdAt: new Date(ctx.clock.nowMs() - 10 * 60_000),
    });
    await setProgress(ctx, callup, recipients[0].id, { acceptS: 5 });
    const board = await admin('pinghu_station', `/callups/${callup.id}/board`).expect(200);
    expect(board.body.counts).toMatchObject({ asked: 501, accepted: 1 });
    expect(board.body.people).toHaveLength(500);
    expect(board.body.people[0].recipientId).toBe(recipients[0].id);
  }, 60_000);

  describe('response speed per unit over a period of Shanghai dates', () => {
    // a day of its own, long ago, so call-ups other suites send today never count
    const day = addCalendarDays(testToday(), -200);
    const sent = (hhmm: string, dayOf = day) => new Date(`${dayOf}T${hhmm}:00+08:00`);
    const at = (code: string) => async (n: number) =>
      (await createVolunteers(ctx, n, { stationCode: code })).map((v) => ({ ...v, stationCode: code }));
    let jfl: (TestVolunteer & { stationCode: string })[];
    let js: (TestVolunteer & { stationCode: string })[];

    beforeAll(async () => {
      jfl = await at('MAS-HS-JFL')(4);
      js = await at('MAS-HS-JS')(2);
      // A, just after midnight Shanghai (still the day before in UTC): 解放路 two answers, 佳山 one
      const a = await insertCallup(ctx, [jfl[0], jfl[1], js[0]], { unitCode: 'MAS-HS', createdAt: sent('00:10') });
      await setProgress(ctx, a.callup, a.recipients[0].id, { acceptS: 10, arriveS: 100 });
      await setProgress(ctx, a.callup, a.recipients[1].id, { acceptS: 30 });
      await setProgress(ctx, a.callup, a.recipients[2].id, { acceptS: 50, arriveS: 150 });
      // B, in the evening: 解放路 one answer, 佳山 none
      const b = await insertCallup(ctx, [jfl[2], js[1]], { unitCode: 'MAS-HS', createdAt: sent('21:00') });
      await setProgress(ctx, b.callup, b.recipients[0].id, { acceptS: 20 });
      // C, ten minutes before the day began in Shanghai: not in the period
      const c = await insertCallup(ctx, [jfl[3]], {
        unitCode: 'MAS-HS',
        createdAt: sent('23:50', addCalendarDays(day, -1)),
      });
      await setProgress(ctx, c.callup, c.recipients[0].id, { acceptS: 5, arriveS: 6 });
    });

    it('per station: call-ups that asked the station, medians and p90s of its volunteers, by nearest rank', async () => {
      const res = await admin('huashan_branch', `/callup-speed?from=${day}&to=${day}&level=station`).expect(200);
      expect(res.body).toMatchObject({ from: day, to: day, level: 'station' });
      expect(res.body.rows.map((r: { orgName: string }) => r.orgName)).toEqual([
        '解放路派出所',
        '佳山派出所',
        '桃源路派出所',
      ]);
      // 解放路 accepts 10 30 20 → 20 (2nd of 3) and 30 (3rd); arrives 100
      expect(res.body.rows[0]).toMatchObject({
        callups: 2,
        acceptMedianS: 20,
        acceptP90S: 30,
        arriveMedianS: 100,
        arriveP90S: 100,
      });
      expect(res.body.rows[1]).toMatchObject({
        callups: 2,
        acceptMedianS: 50,
        acceptP90S: 50,
        arriveMedianS: 150,
        arriveP90S: 150,
      });
      expect(res.body.rows[2]).toMatchObject({
        callups: 0,
        acceptMedianS: null,
        acceptP90S: null,
        arriveMedianS: null,
        arriveP90S: null,
      });
      // the day before holds call-up C alone
      const before = addCalendarDays(day, -1);
      const prev = await admin('huashan_branch', `/callup-speed?from=${before}&to=${before}`).expect(200);
      expect(prev.body.rows[0]).toMatchObject({ orgName: '解放路派出所', callups: 1, acceptMedianS: 5, arriveP90S: 6 });
    });

    it("per branch for the city; a branch never sees another branch's stations; the dashboard's query agrees", async () => {
      const res = await admin('city', `/callup-speed?from=${day}&to=${day}&level=branch`).expect(200);
      const hs = res.body.rows.find((r: { orgName: string }) => r.orgName === '花山分局');
      // accepts 10 30 50 20 → 20 (2nd of 4) and 50 (4th); arrives 100 150 → 100 and 150
      expect(hs).toMatchObject({ callups: 2, acceptMedianS: 20, acceptP90S: 50, arriveMedianS: 100, arriveP90S: 150 });
      const ys = await admin('yushan_branch', `/callup-speed?from=${day}&to=${day}&level=station`).expect(200);
      expect(ys.body.rows.map((r: { orgName: string }) => r.orgName)).toEqual([
        '平湖派出所',
        '雨山派出所',
        '安民派出所',
      ]);
      expect(ys.body.rows.every((r: { callups: number }) => r.callups === 0)).toBe(true);

      const paths = [(await ctx.org('MAS-HS-JFL')).path, (await ctx.org('MAS-HS')).path];
      const figures = await ctx.app.get(CallupSpeedQueries).speedByUnit(paths, day, day);
      expect(figures).toEqual([
        { unitPath: paths[0], callups: 2, acceptMedianS: 20, acceptP90S: 30, arriveMedianS: 100, arriveP90S: 100 },
        { unitPath: paths[1], callups: 2, acceptMedianS: 20, acceptP90S: 50, arriveMedianS: 100, arriveP90S: 150 },
      ]);
    });

    it('refuses a period backwards, too long or not a date (400), and defaults to the last 30 days', async () => {
      await admin('city', `/callup-speed?from=${day}&to=${addCalendarDays(day, -1)}`).expect(400);
      await admin('city', `/callup-speed?from=${addCalendarDays(day, -400)}&to=${day}`).expect(400);
      await admin('city', '/callup-speed?from=2026-02-30').expect(400);
      await admin('city', '/callup-speed?level=city').expect(400);
      const res = await admin('city', '/callup-speed').expect(200);
      expect(res.body).toMatchObject({ from: addCalendarDays(testToday(), -29), to: testToday(), level: 'station' });
    });
  });
});

(E2E_DB === 'mysql' ? describe : describe.skip)('call-up board across two server instances (e2e, MySQL)', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, { sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("an answer through one instance shows on the other instance's board at once", async () => {
    const officer = (await a.loginStaff('pinghu_station')).accessToken;
    const vs = await createVolunteers(a, 2);
    const { callup } = await insertCallup(a, vs);
    const board = (ctx: TestContext) =>
      ctx
        .http()
        .get(`/api/admin/callups/${callup.id}/board`)
        .set(...bearer(officer))
        .expect(200);
    const answer = (ctx: TestContext, v: TestVolunteer, body: object) =>
      ctx
        .http()
        .post(`/api/callups/${callup.id}/answer`)
        .set(...bearer(v.token))
        .send(body)
        .expect(200);
    await answer(b, vs[0], { answer: 'accept' });
    expect((await board(a)).body.counts).toMatchObject({ asked: 2, accepted: 1, declined: 0 });
    await answer(a, vs[1], { answer: 'decline' });
    const onB = (await board(b)).body;
    expect(onB.counts).toMatchObject({ asked: 2, accepted: 1, declined: 1 });
    expect(onB.people.map((p: { status: string }) => p.status).sort()).toEqual(['accepted', 'declined']);
  }, 60_000);
});
