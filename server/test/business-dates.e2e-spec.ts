import { addCalendarDays } from '@jianghuai/shared';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { makeIdNumber, recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { enrolmentConfig, type EnrolmentConfig } from '../src/config/enrolment.config.js';
import { DutyExemption } from '../src/modules/volunteers/duty-exemption.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';

const DAY = 86_400_000;
// The run's calendar date in UTC (not a business date): it only picks the two fixed instants.
const utcToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());

/**
 * Business dates (docs/product.md#business-dates) between 00:00 and 08:00 Shanghai time, when the UTC date is still the
 * day before. The app runs at 23:30 UTC (07:30 Shanghai on the next day); every "today", due
 * date and year must be the Shanghai one. These tests create their apps at their own instants
 * (CLOCK_START), whatever E2E_CLOCK_START the rest of the run uses.
 */
describe('Business dates at 23:30 UTC, already tomorrow in Shanghai (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  let branch: string;
  const instant = `${utcToday}T23:30:00.000Z`;
  const shanghaiToday = addCalendarDays(utcToday, 1);
  beforeAll(async () => {
    ctx = await createTestApp({ CLOCK_START: instant });
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

  async function approved(name: string, over: { idNumber?: string } = {}): Promise<Volunteer> {
    const app = await submitted(ctx, name, 'MAS-YS-PH-C1', over);
    await recordClearCheck(ctx, station, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
    return ctx.dataSource.getRepository(Volunteer).findOneByOrFail({ applicationId: app.id });
  }

  it('the app clock reads the fixed instant and its today is the Shanghai date', async () => {
    expect(Math.abs(ctx.clock.nowMs() - Date.parse(instant))).toBeLessThan(60_000);
    expect(ctx.clock.today()).toBe(shanghaiToday);
    const health = await ctx.http().get('/api/health').expect(200);
    expect(Math.abs(Date.parse(health.body.time) - Date.parse(instant))).toBeLessThan(60_000);
  });

  it('an applicant who turns the minimum age today in Shanghai may apply (the UTC date is still the day before)', async () => {
    const { minAge } = ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY);
    const birth = `${Number(shanghaiToday.slice(0, 4)) - minAge}${shanghaiToday.slice(5, 7)}${shanghaiToday.slice(8, 10)}`;
    const app = await submitted(ctx, 'birthday-applicant', 'MAS-YS-PH-C1', { idNumber: makeIdNumber(birth, 7) });
    expect(app.id).toBeGreaterThan(0);
  });

  it('a 特殊情况 may end today (Shanghai) but not on the UTC date, which is already yesterday; the re-check is due a year after the Shanghai date', async () => {
    const v = await approved('date-exempt');
    const yesterday = await post(`/api/admin/volunteers/${v.id}/exemptions`, station, {
      reason: '外出务工',
      endsOn: utcToday,
    });
    expect(yesterday.status).toBe(400);
    expect(yesterday.body.code).toBe('EXEMPTION_END_INVALID');
    const today = await post(`/api/admin/volunteers/${v.id}/exemptions`, station, {
      reason: '外出务工',
      endsOn: shanghaiToday,
    }).expect(201);
    expect(today.body).toMatchObject({ endsOn: shanghaiToday, active: true });

    await post(`/api/admin/volunteers/${v.id}/criminal-checks`, station, {
      result: 'clear',
      checkedBy: '王警官',
      checkedAt: new Date(ctx.clock.nowMs() - 60_000).toISOString(),
    }).expect(201);
    const record = await ctx
      .http()
      .get(`/api/admin/volunteers/${v.id}`)
      .set(...bearer(station))
      .expect(200);
    expect(record.body.criminalCheckDueOn).toBe(
      addCalendarDays(shanghaiToday, ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY).criminalRecheckDays),
    );
  });

  it('the 365-day revocation spares an exemption ending today (Shanghai) and not one that ended on the UTC date', async () => {
    const endedYesterday = await approved('date-idle-1');
    const endsToday = await approved('date-idle-2');
    const repo = ctx.dataSource.getRepository(Volunteer);
    for (const v of [endedYesterday, endsToday])
      await repo.update(v.id, { lastDutyAt: new Date(ctx.clock.nowMs() - 400 * DAY) });
    // written straight to the table: the API refuses an end date before today
    const exemptions = ctx.dataSource.getRepository(DutyExemption);
    await exemptions.insert({
      volunteerId: endedYesterday.id,
      reason: '住院',
      endsOn: utcToday,
      createdById: 1,
      createdByName: '测试',
      createdAt: ctx.clock.now(),
    });
    await exemptions.insert({
      volunteerId: endsToday.id,
      reason: '住院',
      endsOn: shanghaiToday,
      createdById: 1,
      createdByName: '测试',
      createdAt: ctx.clock.now(),
    });
    const admin = await staffToken(ctx, 'admin');
    await post('/api/admin/jobs/inactivity-revocation/run', admin).expect(200);
    expect((await repo.findOneByOrFail({ id: endedYesterday.id })).status).toBe('revoked');
    expect((await repo.findOneByOrFail({ id: endsToday.id })).status).toBe('active');
  });

  it('points issued "today" are the Shanghai day\'s: an entry made now counts on the Shanghai date, not on the UTC date', async () => {
    const v = await approved('date-points');
    const pinghu = await ctx.org('MAS-YS-PH');
    const issued = (from: string) =>
      ctx
        .http()
        .get(`/api/admin/points/issued?from=${from}&to=${from}`)
        .set(...bearer(station))
        .expect(200);
    const credited = async (day: string) => (await issued(day)).body.total.credited as number;
    // the demo data credits points at start too: count what this entry adds to each day
    const before = { shanghai: await credited(shanghaiToday), utc: await credited(utcToday) };
    await ctx.dataSource.transaction((m) =>
      ctx.app.get(PointsLedgerService).post(m, {
        userId: v.userId,
        volunteerId: v.id,
        type: 'activity',
        amount: 7,
        sourceType: 'test',
        sourceId: 'dates',
        description: '测试',
        idempotencyKey: `dates-${v.id}`,
        awardingOrgId: pinghu.id,
        awardingOrgPath: pinghu.path,
      }),
    );
    expect((await credited(shanghaiToday)) - before.shanghai).toBe(7);
    expect((await credited(utcToday)) - before.utc).toBe(0);
  });
});

describe('Business dates follow BUSINESS_TIME_ZONE (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ CLOCK_START: `${utcToday}T23:30:00.000Z`, BUSINESS_TIME_ZONE: 'Europe/London' });
  });
  afterAll(() => ctx.close());

  it('in London at 23:30 UTC today is still the UTC date: an exemption may end on it', async () => {
    expect(ctx.clock.today()).toBe(utcToday);
    const station = await staffToken(ctx, 'pinghu_station');
    const zhangId = (await ctx.dataSource.getRepository(Volunteer).findOneByOrFail({ memberNo: 'MAS2026000001' })).id;
    await ctx
      .http()
      .post(`/api/admin/volunteers/${zhangId}/exemptions`)
      .set(...bearer(station))
      .send({ reason: '外出务工', endsOn: utcToday })
      .expect(201);
  });
});

describe('Business dates on New Year night: 16:30 UTC on 31 December is already 1 January in Shanghai (e2e)', () => {
  let ctx: TestContext;
  const year = Number(utcToday.slice(0, 4));
  beforeAll(async () => {
    ctx = await createTestApp({ CLOCK_START: `${year}-12-31T16:30:00.000Z` });
  });
  afterAll(() => ctx.close());

  it('a volunteer approved then gets a member number of the new year', async () => {
    const station = await staffToken(ctx, 'pinghu_station');
    const branch = await staffToken(ctx, 'yushan_branch');
    const app = await submitted(ctx, 'new-year-applicant');
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
    const v = await ctx.dataSource.getRepository(Volunteer).findOneByOrFail({ applicationId: app.id });
    const { memberNoPrefix } = ctx.app.get<EnrolmentConfig>(enrolmentConfig.KEY);
    expect(v.memberNo.startsWith(`${memberNoPrefix}${year + 1}`)).toBe(true);
    expect(v.equipment?.[0]?.issuedOn).toBe(`${year + 1}-01-01`);
  });
});
