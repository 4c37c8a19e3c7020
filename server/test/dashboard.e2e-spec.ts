import type { DashboardResponse, JoinRatePage, MissingGuardPage, UnitFigures, WeeklyRulePage } from '@jianghuai/shared';
import { addCalendarDays, isoWeekOf, maskPersonName } from '@jianghuai/shared';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';
import { Company } from '../src/modules/companies/company.entity.js';
import { RosterGuard } from '../src/modules/roster/roster-guard.entity.js';
import { DashboardFigures } from '../src/modules/stats/dashboard-figures.js';
import { StatCounter } from '../src/modules/stats/stat-counter.entity.js';
import { StatsRefresh } from '../src/modules/stats/stats-refresh.js';
import { mondayOf } from '../src/modules/stats/summary.js';
import { Tip } from '../src/modules/tips/entities/tip.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { createVolunteers, publishActivity, shiftActivity } from './support/activity-factories.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';

/**
 * The bureau's view (docs/dashboard.md): every figure against hand-computed fixtures added on top of the demo data
 * (as differences, so the demo's own rows do not matter), the drill-down to a company's missing guards, the weekly
 * rule across a Shanghai week boundary, scope on every route, and rebuild:stats finding a planted difference.
 */
describe('Dashboard (e2e)', () => {
  let ctx: TestContext;
  let admin: string;
  let city: string;
  let pinghu: string;
  let yushanBranch: string;
  let huashanBranch: string;
  let pinghuId: number;
  let yushanStationId: number;
  let yushanBranchId: number;
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = (await ctx.loginStaff('admin')).accessToken;
    city = (await ctx.loginStaff('city')).accessToken;
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushanBranch = (await ctx.loginStaff('yushan_branch')).accessToken;
    huashanBranch = (await ctx.loginStaff('huashan_branch')).accessToken;
    pinghuId = (await ctx.org('MAS-YS-PH')).id;
    yushanStationId = (await ctx.org('MAS-YS-YS')).id;
    yushanBranchId = (await ctx.org('MAS-YS')).id;
  });
  afterAll(() => ctx.close());

  const refresh = async () =>
    ctx
      .http()
      .post('/api/admin/jobs/stats-refresh/run')
      .set(...bearer(admin))
      .expect(200);
  const get = async <T>(token: string, path: string, status = 200) =>
    (
      await ctx
        .http()
        .get(`/api${path}`)
        .set(...bearer(token))
        .expect(status)
    ).body as T;
  const view = (token: string, unitId?: number) =>
    get<DashboardResponse>(token, `/admin/dashboard${unitId ? `?unitId=${unitId}` : ''}`);

  /** A security company at Pinghu with `guards` roster guards, `certified` of them certified. */
  async function companyWithRoster(guards: number, certified: number) {
    const pii = ctx.app.get(PiiCipher);
    const now = ctx.clock.now();
    const n = ++seq;
    const company = await ctx.dataSource.getRepository(Company).save({
      name: `看板测试保安公司${n}`,
      type: 'security_company',
      creditCode: `91340500MA2DB${String(n).padStart(5, '0')}`.slice(0, 18),
      homeStationId: pinghuId,
      equipment: {},
      createdAt: now,
      updatedAt: now,
    });
    const ids = Array.from({ length: guards }, (_, i) => `34050219800101${String(n * 100 + i).padStart(4, '0')}`);
    await ctx.dataSource.getRepository(RosterGuard).insert(
      ids.map((id, i) => ({
        companyId: company.id,
        name: `测试保安${n}${i}`,
        idEnc: pii.encrypt(id),
        idHash: pii.hash('id_number', id),
        certificateNo: i < certified ? `Z${n}${i}` : null,
        certified: i < certified,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return { company, ids, n };
  }

  it('counts volunteers, tiers, roster join rate, certified coverage and tips as hand-computed, after the job', async () => {
    await refresh();
    const before = await view(pinghu);
    const beforeCity = await view(city);
    expect(before.unit).toMatchObject({ id: pinghuId, level: 'station' });

    // 3 new core volunteers, 1 of them a guard of the new company's roster (certified); 1 basic volunteer revoked
    const joined = await createVolunteers(ctx, 3, { tier: 'core' });
    const { company, ids, n } = await companyWithRoster(4, 2);
    const pii = ctx.app.get(PiiCipher);
    await ctx.dataSource
      .getRepository(Volunteer)
      .update({ id: joined[0].volunteerId }, { idHash: pii.hash('id_number', ids[0]), companyId: company.id });
    const [gone] = await createVolunteers(ctx, 1, { tier: 'basic' });
    await ctx.dataSource
      .getRepository(Volunteer)
      .update({ id: gone.volunteerId }, { status: 'revoked', statusChangedAt: ctx.clock.now() });
    // 2 urgent tips submitted to Pinghu, 1 normal one closed
    const now = ctx.clock.now();
    const tip = (status: 'submitted' | 'closed', urgency: 'normal' | 'urgent') => ({
      submitterUserId: joined[1].userId,
      volunteerId: joined[1].volunteerId,
      clientRequestId: `dash-${++seq}`,
      orgUnitId: pinghuId,
      orgPath: '',
      category: 'other' as const,
      text: '看板测试线索',
      occurredAt: now,
      urgency,
      status,
      gradePoints: 0,
      createdAt: now,
      updatedAt: now,
      version: 0,
    });
    const path = (await ctx.org('MAS-YS-PH')).path;
    await ctx.dataSource.getRepository(Tip).insert(
      [tip('submitted', 'urgent'), tip('submitted', 'urgent'), tip('closed', 'normal')].map((t) => ({
        ...t,
        orgPath: path,
      })),
    );

    // nothing moves before the job runs: the dashboard reads only the summary tables
    expect((await view(pinghu)).volunteers.value).toBe(before.volunteers.value);
    await refresh();
    const after = await view(pinghu);
    // 3 joined + 1 joined then revoked: active +3
    expect(after.volunteers.value - before.volunteers.value).toBe(3);
    const tier = (d: DashboardResponse, t: string) => d.byTier.find((x) => x.tier === t)!.count;
    expect(tier(after, 'core') - tier(before, 'core')).toBe(3);
    expect(tier(after, 'basic') - tier(before, 'basic')).toBe(0);
    const thisWeek = (d: DashboardResponse) => d.weekly[d.weekly.length - 1];
    expect(after.weekly).toHaveLength(12);
    expect(thisWeek(after).joined - thisWeek(before).joined).toBe(4);
    expect(thisWeek(after).left - thisWeek(before).left).toBe(1);
    expect(thisWeek(after).total).toBe(after.volunteers.value);
    // roster: 4 more guards, 1 joined; certified 2, 1 joined
    expect(after.joinRate.rosterTotal - before.joinRate.rosterTotal).toBe(4);
    expect(after.joinRate.rosterJoined - before.joinRate.rosterJoined).toBe(1);
    const sec = (d: DashboardResponse) => d.joinRateByEmployerType.find((t) => t.type === 'security_company')!;
    expect(sec(after).rosterTotal - sec(before).rosterTotal).toBe(4);
    expect(sec(after).targetPct).toBe(80);
    expect(after.certifiedCoverage.certified - before.certifiedCoverage.certified).toBe(2);
    expect(after.certifiedCoverage.joined - before.certifiedCoverage.joined).toBe(1);
    // tips by status × urgency
    const st = (d: DashboardResponse, s: string) => d.tips.byStatus.find((x) => x.status === s)!;
    expect(st(after, 'submitted').urgent - st(before, 'submitted').urgent).toBe(2);
    expect(st(after, 'closed').normal - st(before, 'closed').normal).toBe(1);
    expect(after.tips.total - before.tips.total).toBe(3);
    // no call-ups answered at Pinghu in the last 30 days of the fixtures: no speed yet
    expect(after.callups.available).toBe(true);
    expect(after.refreshedAt).not.toBeNull();

    // the city sees the same differences, and its Yushan branch row carries them
    const afterCity = await view(city);
    expect(afterCity.volunteers.value - beforeCity.volunteers.value).toBe(3);
    const ys = (d: DashboardResponse) => d.byUnit.find((u) => u.orgId === yushanBranchId)!;
    expect(ys(afterCity).volunteers - ys(beforeCity).volunteers).toBe(3);
    expect(ys(afterCity).rosterTotal - ys(beforeCity).rosterTotal).toBe(4);
    expect(ys(afterCity).tipsCount - ys(beforeCity).tipsCount).toBe(3);

    // DashboardFigures.forUnits agrees with the dashboard's rows, and as of yesterday the new volunteers are not there
    const figures = ctx.app.get(DashboardFigures);
    const today = ctx.clock.today();
    const [station] = await figures.forUnits([pinghuId], today);
    expect(station).toMatchObject<Partial<UnitFigures>>({
      orgId: pinghuId,
      level: 'station',
      volunteers: after.volunteers.value,
      rosterTotal: after.joinRate.rosterTotal,
    });
    const [yesterday] = await figures.forUnits([pinghuId], addCalendarDays(today, -1));
    // as of yesterday: those who had joined by then and were still active at its end, counted from the raw rows
    const startToday = ctx.clock.startOfDay(today).getTime();
    const all = await ctx.dataSource.getRepository(Volunteer).findBy({ stationId: pinghuId });
    const activeYesterday = all.filter(
      (v) =>
        v.joinedAt.getTime() < startToday &&
        (v.status === 'active' || (v.statusChangedAt !== null && v.statusChangedAt.getTime() >= startToday)),
    ).length;
    expect(yesterday.volunteers).toBe(activeYesterday);
    expect(yesterday.volunteers).toBeLessThanOrEqual(after.volunteers.value - 3);
    const [tipsToday] = await figures.forUnits([pinghuId], today, { from: today });
    expect(tipsToday.tipsCount).toBeGreaterThanOrEqual(3);

    // drill-down: Pinghu's companies, then the company's guards not yet joined, masked
    const rate = await get<JoinRatePage>(pinghu, `/admin/dashboard/join-rate?unitId=${pinghuId}&pageSize=100`);
    const row = rate.items.find((r) => r.id === company.id)!;
    expect(row).toMatchObject({ kind: 'company', rosterTotal: 4, rosterJoined: 1, joinRate: 25, targetPct: 80 });
    const missing = await get<MissingGuardPage>(pinghu, `/admin/dashboard/companies/${company.id}/missing`);
    expect(missing.total).toBe(3);
    expect(missing.items.map((m) => m.name)).toEqual([1, 2, 3].map((i) => maskPersonName(`测试保安${n}${i}`)));
    expect(missing.items[0].idNumber).toBe(`340***********${ids[1].slice(-4)}`);
    expect(JSON.stringify(missing)).not.toContain(ids[1]);
    const certified = await get<MissingGuardPage>(pinghu, `/admin/dashboard/certified-missing?pageSize=100`);
    expect(certified.items.filter((m) => m.company.id === company.id).map((m) => m.hasCertificate)).toEqual([true]);
    // the branch's join-rate rows are its stations
    const branchRate = await get<JoinRatePage>(yushanBranch, `/admin/dashboard/join-rate`);
    expect(branchRate.items.every((r) => r.kind === 'unit' && r.level === 'station')).toBe(true);
  });

  it('scopes every route: a station sees only itself, another branch’s unit or company is a 404', async () => {
    const { company } = await companyWithRoster(1, 0);
    const routes = [
      '/admin/dashboard',
      '/admin/dashboard/join-rate',
      '/admin/dashboard/certified-missing',
      '/admin/dashboard/stations-without-team',
      '/admin/dashboard/weekly-rule',
      '/admin/dashboard/overdue-applications',
    ];
    for (const r of routes) {
      await get(pinghu, `${r}?unitId=${yushanStationId}`, 404);
      await get(pinghu, `${r}?unitId=${yushanBranchId}`, 404);
      await get(huashanBranch, `${r}?unitId=${pinghuId}`, 404);
      await get(pinghu, `${r}?unitId=99999999`, 404);
      await get(pinghu, `${r}?unitId=abc`, 400);
      await get(yushanBranch, `${r}?unitId=${pinghuId}`, 200);
    }
    await get(huashanBranch, `/admin/dashboard/companies/${company.id}/missing`, 404);
    await get(pinghu, `/admin/dashboard/companies/${company.id}/missing`, 200);
    await get(pinghu, `/admin/dashboard/companies/99999999/missing`, 404);
    const community = (await ctx.loginStaff('pinghu_community')).accessToken;
    await get(community, '/admin/dashboard', 403);
    // a station's own view: its one row, and the weekly rule lists only itself
    const own = await view(pinghu);
    expect(own.byUnit.map((u) => u.orgId)).toEqual([pinghuId]);
    const rule = await get<WeeklyRulePage>(pinghu, '/admin/dashboard/weekly-rule');
    expect(rule.items.map((s) => s.stationId)).toEqual([pinghuId]);
    // the system administrator sees the city
    expect((await view(admin)).unit.level).toBe('city');
  });

  it('counts patrols per Shanghai week: this week and each of the last 8 complete weeks', async () => {
    const monday = mondayOf(ctx.clock.today());
    await refresh();
    const before = await get<WeeklyRulePage>(pinghu, '/admin/dashboard/weekly-rule');
    // one patrol this week (Monday 09:00 Shanghai), two in the week before (its Sunday 23:30 Shanghai = 15:30 UTC)
    const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
    const place = async (start: Date) => {
      const a = await publishActivity(ctx, pinghu);
      await shiftActivity(ctx, a.id, start, new Date(start.getTime() + 3_600_000));
      return a;
    };
    await place(at(monday, '09:00'));
    await place(at(addCalendarDays(monday, -1), '23:30'));
    await place(at(addCalendarDays(monday, -7), '00:00'));
    // a cancelled patrol does not count
    const cancelled = await place(at(addCalendarDays(monday, -14), '10:00'));
    await ctx.dataSource.getRepository(Activity).update({ id: cancelled.id }, { status: 'cancelled' });
    await refresh();
    const after = await get<WeeklyRulePage>(pinghu, '/admin/dashboard/weekly-rule');
    const [b, a] = [before.items[0], after.items[0]];
    expect(after.week).toBe(isoWeekOf(ctx.clock.now()));
    expect(a.thisWeek - b.thisWeek).toBe(1);
    expect(a.thisWeekMet).toBe(true);
    expect(a.weeks).toHaveLength(8);
    const lastWeek = (p: typeof a) => p.weeks[7];
    expect(lastWeek(a).week).toBe(isoWeekOf(at(addCalendarDays(monday, -1), '12:00')));
    expect(lastWeek(a).count - lastWeek(b).count).toBe(2);
    expect(a.weeks[6].count - b.weeks[6].count).toBe(0);
    const dash = await view(pinghu);
    expect(dash.weeklyRule.thisWeek).toEqual({ week: after.week, below: 0, stations: 1 });
  });

  it('cuts weeks at Shanghai midnight: at Monday 00:30 (UTC still Sunday) a patrol at 23:50 is last week, 00:10 this week', async () => {
    const edge = await createTestApp({ CLOCK_START: '2026-11-29T16:30:00Z' });
    try {
      const officer = (await edge.loginStaff('jiefang_station')).accessToken;
      const admin2 = (await edge.loginStaff('admin')).accessToken;
      const place = async (iso: string) => {
        const a = await publishActivity(edge, officer);
        const start = new Date(iso);
        await shiftActivity(edge, a.id, start, new Date(start.getTime() + 1_800_000));
      };
      const rule = async () =>
        (
          await edge
            .http()
            .get('/api/admin/dashboard/weekly-rule')
            .set(...bearer(officer))
            .expect(200)
        ).body as WeeklyRulePage;
      const run = () =>
        edge
          .http()
          .post('/api/admin/jobs/stats-refresh/run')
          .set(...bearer(admin2))
          .expect(200);
      await run();
      const before = (await rule()).items[0];
      await place('2026-11-29T15:50:00Z'); // Sunday 23:50 Shanghai: 2026-W48
      await place('2026-11-29T16:10:00Z'); // Monday 00:10 Shanghai: 2026-W49
      await run();
      const after = await rule();
      expect(after.week).toBe('2026-W49');
      const [b, a] = [before, after.items[0]];
      expect(a.thisWeek - b.thisWeek).toBe(1);
      expect(a.weeks[7].week).toBe('2026-W48');
      expect(a.weeks[7].count - b.weeks[7].count).toBe(1);
    } finally {
      await edge.close();
    }
  });

  it("shows the targets the city has set (the newest value and due date), the rule's defaults until then", async () => {
    const before = await view(city);
    expect(before.volunteers).toMatchObject({ target: 10000, dueDate: '2022-06-30' });
    const set = (key: string, value: number, dueDate: string) =>
      ctx
        .http()
        .post('/api/admin/targets')
        .set(...bearer(city))
        .send({ key, value, dueDate })
        .expect(201);
    await set('volunteers_total', 12000, '2022-07-31');
    await set('join_rate_property', 70, '2022-06-01');
    const after = await view(city);
    expect(after.volunteers).toMatchObject({ target: 12000, dueDate: '2022-07-31' });
    expect(after.volunteers.pct).toBe(Math.round((after.volunteers.value * 1000) / 12000) / 10);
    const property = after.joinRateByEmployerType.find((t) => t.type === 'property')!;
    expect(property).toMatchObject({ targetPct: 70, dueDate: '2022-06-01' });
    expect(after.joinRateByEmployerType.find((t) => t.type === 'security_company')!.targetPct).toBe(80);
  });

  it('rebuild:stats finds a planted difference and --fix repairs it; the job and a rebuild agree', async () => {
    await refresh();
    const stats = ctx.app.get(StatsRefresh);
    expect(await stats.rebuild(false)).toEqual([]);
    const row = await ctx.dataSource
      .getRepository(StatCounter)
      .findOneByOrFail({ kind: 'vol', refId: pinghuId, dim: 'core' });
    await ctx.dataSource.getRepository(StatCounter).update({ id: row.id }, { value: row.value + 5 });
    const diff = await stats.rebuild(false);
    expect(diff).toEqual([{ key: `vol|${pinghuId}|core|`, stored: row.value + 5, computed: row.value }]);
    expect(await stats.rebuild(true)).toHaveLength(1);
    expect(await stats.rebuild(false)).toEqual([]);
  });
});
