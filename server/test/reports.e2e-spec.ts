import ExcelJS from 'exceljs';
import {
  addCalendarDays,
  type CompiledStageReport,
  type MyNarrative,
  type NarrativeResponse,
  type RankingResponse,
  type RankingRow,
  type StageDetail,
  type StageResponse,
} from '@jianghuai/shared';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { OrgUnit } from '../src/modules/org/org-unit.entity.js';
import { StageNarrative } from '../src/modules/reports/entities/stage-narrative.entity.js';
import { DashboardFigures } from '../src/modules/stats/dashboard-figures.js';
import { Tip } from '../src/modules/tips/entities/tip.entity.js';
import { createVolunteers } from './support/activity-factories.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';

const TEXT = '本阶段组织巡逻十二次，发动保安员入会三十人。';

/**
 * Stage reports and the ranking (docs/reports.md): stages by the city, each unit's own narrative (late by Shanghai
 * date), the compiled report and its .xlsx read back, the ranking's ties and change since the previous one, and the
 * scope of every route.
 */
describe('Reports (e2e)', () => {
  let ctx: TestContext;
  let city: string;
  let admin: string;
  let yushanBranch: string;
  let huashanBranch: string;
  let pinghu: string;
  let yushan: string;
  let community: string;
  const id: Record<string, number> = {};
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestApp();
    city = (await ctx.loginStaff('city')).accessToken;
    admin = (await ctx.loginStaff('admin')).accessToken;
    yushanBranch = (await ctx.loginStaff('yushan_branch')).accessToken;
    huashanBranch = (await ctx.loginStaff('huashan_branch')).accessToken;
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
    community = (await ctx.loginStaff('pinghu_community')).accessToken;
    for (const code of ['MAS', 'MAS-YS', 'MAS-HS', 'MAS-YS-PH', 'MAS-YS-YS', 'MAS-HX-WJ'])
      id[code] = (await ctx.org(code)).id;
  });
  afterAll(() => ctx.close());

  const api = (token: string, method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const http = ctx.http();
    const req = http[method](`/api${path}`).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const get = async <T>(token: string, path: string, status = 200) =>
    (await api(token, 'get', path).expect(status)).body as T;
  const xlsx = async (token: string, path: string) => {
    const res = await api(token, 'get', path)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
    return { res, wb };
  };
  const refresh = () => api(admin, 'post', '/admin/jobs/stats-refresh/run').expect(200);
  const createStage = (name: string, dueDate: string) => api(city, 'post', '/admin/report-stages', { name, dueDate });
  /** Tips at a station, created `daysAgo` Shanghai days before today (noon). */
  async function tipsAt(code: string, count: number, daysAgo: number) {
    const [v] = await createVolunteers(ctx, 1);
    const unit = (await ctx.org(code)) as OrgUnit;
    const at = new Date(`${addCalendarDays(ctx.clock.today(), -daysAgo)}T12:00:00+08:00`);
    await ctx.dataSource.getRepository(Tip).insert(
      Array.from({ length: count }, () => ({
        submitterUserId: v.userId,
        volunteerId: v.volunteerId,
        clientRequestId: `reports-${++seq}`,
        orgUnitId: unit.id,
        orgPath: unit.path,
        category: 'other' as const,
        text: '报表测试线索',
        occurredAt: at,
        urgency: 'normal' as const,
        status: 'submitted' as const,
        gradePoints: 0,
        createdAt: at,
        updatedAt: at,
        version: 0,
      })),
    );
  }

  describe('stages and narratives', () => {
    let stage: StageResponse;
    beforeAll(async () => {
      const today = ctx.clock.today();
      await createStage('第一阶段', addCalendarDays(today, -20)).expect(201);
      stage = (await createStage('第二阶段', today).expect(201)).body as StageResponse;
    });

    it('lets only the city define a stage; a second stage of the same name is refused; audited', async () => {
      for (const token of [yushanBranch, pinghu, admin]) {
        await api(token, 'post', '/admin/report-stages', { name: '第三阶段', dueDate: '2030-01-01' }).expect(403);
      }
      await api(city, 'post', '/admin/report-stages', { name: '  ', dueDate: '2030-01-01' }).expect(400);
      await createStage('第二阶段', '2030-01-01').expect(409);
      await createStage('第四阶段', '2030-02-30').expect(400);
      expect(stage).toMatchObject({ name: '第二阶段', pastDue: false, expectedCount: 20, submittedCount: 0 });
      const audits = await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'report.stage.create' });
      expect(audits).toBe(2);
      await get(community, '/admin/report-stages', 403);
    });

    it('each branch and station writes its own narrative; a rewrite keeps the first submission; audited', async () => {
      const res = await api(pinghu, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: TEXT }).expect(200);
      const first = res.body as NarrativeResponse;
      expect(first).toMatchObject({ orgName: '平湖派出所', branchName: '雨山分局', late: false, text: TEXT });
      expect(first.submittedOn).toBe(ctx.clock.today());
      const again = (
        await api(pinghu, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: `${TEXT}补充。` }).expect(200)
      ).body as NarrativeResponse;
      expect(again).toMatchObject({ submittedAt: first.submittedAt, text: `${TEXT}补充。` });
      await api(yushanBranch, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: TEXT }).expect(200);
      // the city and the administrator do not write one; a blank or short text is refused
      await api(city, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: TEXT }).expect(403);
      await api(admin, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: TEXT }).expect(403);
      await api(yushan, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: '   ' }).expect(400);
      await api(yushan, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: 'x'.repeat(3001) }).expect(400);
      await api(yushan, 'put', `/admin/report-stages/99999/my-narrative`, { text: TEXT }).expect(404);
      const mine = await get<MyNarrative>(yushan, `/admin/report-stages/${stage.id}/my-narrative`);
      expect(mine).toMatchObject({ canWrite: true, orgName: '雨山派出所', narrative: null });
      expect(await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'report.narrative.submit' })).toBe(3);
    });

    it('two submissions at the same moment make one narrative, the first submission kept', async () => {
      const put = (text: string) =>
        api(yushan, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text }).then((r) => r.status);
      expect(await Promise.all([put(`${TEXT}甲`), put(`${TEXT}乙`), put(`${TEXT}丙`)])).toEqual([200, 200, 200]);
      const rows = await ctx.dataSource
        .getRepository(StageNarrative)
        .findBy({ stageId: stage.id, orgId: id['MAS-YS-YS'] });
      expect(rows).toHaveLength(1);
      expect([`${TEXT}甲`, `${TEXT}乙`, `${TEXT}丙`]).toContain(rows[0].text);
      await ctx.dataSource.getRepository(StageNarrative).delete({ id: rows[0].id });
    });

    it('a unit reads its own narrative and those below it, never a sibling (404)', async () => {
      const path = (org: number) => `/admin/report-stages/${stage.id}/narratives/${org}`;
      await get(yushan, path(id['MAS-YS-PH']), 404);
      await get(huashanBranch, path(id['MAS-YS-PH']), 404);
      await get(pinghu, path(id['MAS-YS']), 404);
      expect((await get<NarrativeResponse>(yushanBranch, path(id['MAS-YS-PH']))).orgName).toBe('平湖派出所');
      expect((await get<NarrativeResponse>(pinghu, path(id['MAS-YS-PH']))).orgName).toBe('平湖派出所');
      await get(city, path(id['MAS-YS-YS']), 404); // not written yet
      expect(await get<NarrativeResponse[]>(yushan, `/admin/report-stages/${stage.id}/narratives`)).toEqual([]);
      const branchList = await get<NarrativeResponse[]>(yushanBranch, `/admin/report-stages/${stage.id}/narratives`);
      expect(branchList.map((n) => n.orgName)).toEqual(['雨山分局', '平湖派出所']);
      expect(await get<NarrativeResponse[]>(huashanBranch, `/admin/report-stages/${stage.id}/narratives`)).toEqual([]);
    });

    it("lists the missing units of the viewer's scope", async () => {
      const d = await get<StageDetail>(yushanBranch, `/admin/report-stages/${stage.id}`);
      expect(d.submitters.map((s) => s.orgName)).toEqual(['雨山分局', '平湖派出所', '雨山派出所', '安民派出所']);
      expect(d.missing.map((s) => s.orgName)).toEqual(['雨山派出所', '安民派出所']);
      expect(d.stage).toMatchObject({ expectedCount: 4, submittedCount: 2, missingCount: 2, lateCount: 0 });
      const station = await get<StageDetail>(yushan, `/admin/report-stages/${stage.id}`);
      expect(station.submitters.map((s) => s.orgName)).toEqual(['雨山派出所']);
      const all = await get<StageDetail>(city, `/admin/report-stages/${stage.id}`);
      expect(all.missing).toHaveLength(18);
    });
  });

  describe('compiling a stage', () => {
    let stage: StageResponse;
    beforeAll(async () => {
      const today = ctx.clock.today();
      await createStage('汇编前一阶段', addCalendarDays(today, -10)).expect(201);
      stage = (await createStage('汇编阶段', addCalendarDays(today, -1)).expect(201)).body as StageResponse;
      await api(pinghu, 'put', `/admin/report-stages/${stage.id}/my-narrative`, { text: TEXT }).expect(200);
    });

    it('only the city compiles and exports (403 elsewhere)', async () => {
      for (const token of [yushanBranch, pinghu, admin]) {
        await get(token, `/admin/report-stages/${stage.id}/compile`, 403);
        await get(token, `/admin/report-stages/${stage.id}/export`, 403);
      }
    });

    it("takes each unit's figures as of the due date, tips since the previous stage's due date", async () => {
      const before = await get<CompiledStageReport>(city, `/admin/report-stages/${stage.id}/compile`);
      // after the previous stage (counted), before it (not counted), after the due date (not counted)
      await tipsAt('MAS-YS-PH', 3, 5);
      await tipsAt('MAS-YS-PH', 2, 15);
      await tipsAt('MAS-YS-PH', 4, 0);
      await refresh();
      const r = await get<CompiledStageReport>(city, `/admin/report-stages/${stage.id}/compile`);
      expect(r.asOf).toBe(stage.dueDate);
      expect(r.branches.map((b) => b.orgName)).toEqual([
        '花山分局',
        '雨山分局',
        '博望分局',
        '当涂县公安局',
        '含山县公安局',
        '和县公安局',
      ]);
      const ys = r.branches.find((b) => b.orgName === '雨山分局')!;
      expect(ys.stations.map((s) => s.orgName)).toEqual(['平湖派出所', '雨山派出所', '安民派出所']);
      const ph = ys.stations[0];
      const phBefore = before.branches.find((b) => b.orgName === '雨山分局')!.stations[0];
      const hsBefore = before.branches[0];
      expect(ph.figures.tipsCount - phBefore.figures.tipsCount).toBe(3);
      expect(ys.figures.tipsCount - before.branches.find((b) => b.orgName === '雨山分局')!.figures.tipsCount).toBe(3);
      expect(r.city!.figures.tipsCount - before.city!.figures.tipsCount).toBe(3);
      expect(r.branches[0].figures.tipsCount).toBe(hsBefore.figures.tipsCount);
      expect(ph.narrative).toMatchObject({ text: TEXT, late: true });
      // the figures are the dashboard's, unit by unit
      const figures = await ctx.app
        .get(DashboardFigures)
        .forUnits([id['MAS-YS'], id['MAS-YS-PH']], stage.dueDate, { from: addCalendarDays(stage.dueDate, -8) });
      expect(ys.figures).toMatchObject({ volunteers: figures[0].volunteers, rosterTotal: figures[0].rosterTotal });
      expect(ph.figures).toMatchObject({ joinRate: figures[1].joinRate, tipsCount: figures[1].tipsCount });
      expect(r.late.map((s) => s.orgName)).toEqual(['平湖派出所']);
      expect(r.missing).toHaveLength(19);
      expect(r.targets.find((t) => t.key === 'volunteers_total')).toMatchObject({
        value: 10000,
        dueDate: '2022-06-30',
      });
    });

    it('exports the compiled report: a summary, one sheet per branch with its stations, late and missing', async () => {
      const { res, wb } = await xlsx(city, `/admin/report-stages/${stage.id}/export`);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('汇编阶段.xlsx'));
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        '汇总',
        '花山分局',
        '雨山分局',
        '博望分局',
        '当涂县公安局',
        '含山县公安局',
        '和县公安局',
        '逾期与未提交',
      ]);
      const col = (ws: ExcelJS.Worksheet, n: number) =>
        ws
          .getColumn(n)
          .values.slice(2)
          .filter((v) => v !== undefined && v !== null && v !== '');
      const summary = wb.getWorksheet('汇总')!;
      expect(summary.getRow(1).getCell(1).value).toBe('单位');
      expect(col(summary, 1).slice(0, 7)).toEqual([
        '马鞍山市公安局',
        '花山分局',
        '雨山分局',
        '博望分局',
        '当涂县公安局',
        '含山县公安局',
        '和县公安局',
      ]);
      const ys = wb.getWorksheet('雨山分局')!;
      expect(col(ys, 1)).toEqual(['雨山分局', '平湖派出所', '雨山派出所', '安民派出所']);
      expect(col(summary, 1)).toEqual(expect.arrayContaining(['工作目标', '义警总人数', '保安公司入会率']));
      const compiled = await get<CompiledStageReport>(city, `/admin/report-stages/${stage.id}/compile`);
      const ph = compiled.branches.find((b) => b.orgName === '雨山分局')!.stations[0];
      expect(ys.getRow(3).getCell(2).value).toBe(ph.figures.volunteers);
      expect(ys.getRow(3).getCell(8).value).toBe(ph.figures.tipsCount);
      expect(ys.getRow(3).getCell(11).value).toBe('逾期提交');
      expect(ys.getRow(3).getCell(13).value).toBe(TEXT);
      expect(ys.getRow(4).getCell(11).value).toBe('未提交');
      const lists = wb.getWorksheet('逾期与未提交')!;
      const names = col(lists, 1) as string[];
      expect(names).toContain('逾期提交（1）');
      expect(names).toContain('未提交（19）');
      expect(names).toContain('雨山派出所');
      expect(await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'report.stage.export' })).toBe(1);
    });
  });

  describe('ranking (晒比通报)', () => {
    const publish = (token: string, over: object = {}) =>
      api(token, 'post', '/admin/rankings', {
        title: `第${++seq}期晒比`,
        periodStart: addCalendarDays(ctx.clock.today(), -6),
        periodEnd: ctx.clock.today(),
        ...over,
      });
    /** Competition rank recomputed by hand from the values: 1 + the number of strictly better values. */
    const expectCompetitionRanks = (rows: RankingRow[], metric: 'tips' | 'joinRate' | 'weeklyRule') => {
      for (const r of rows) {
        if (r[metric].value === null) {
          expect(r[metric].rank).toBeNull();
          continue;
        }
        const better = rows.filter((o) => o[metric].value !== null && o[metric].value! > r[metric].value!).length;
        expect([r.orgName, r[metric].rank]).toEqual([r.orgName, better + 1]);
      }
    };

    it('only the city publishes; a bad period is refused; none yet is a 404', async () => {
      await get(pinghu, '/admin/rankings/latest', 404);
      for (const token of [yushanBranch, pinghu, admin]) await publish(token).expect(403);
      const today = ctx.clock.today();
      await publish(city, { periodEnd: addCalendarDays(today, 1) }).expect(400);
      await publish(city, { periodStart: today, periodEnd: addCalendarDays(today, -1) }).expect(400);
      await publish(city, { periodStart: addCalendarDays(today, -400) }).expect(400);
      await publish(city, { periodStart: '2026-13-01' }).expect(400);
      await get(community, '/admin/rankings', 403);
    });

    it('ranks with shared ranks (1, 1, 3) and shows the change since the previous publication', async () => {
      await refresh();
      const first = (await publish(city).expect(201)).body as RankingResponse;
      expect(first.previousId).toBeNull();
      expect(first.branches).toHaveLength(6);
      expect(first.stations).toHaveLength(14);
      for (const m of ['tips', 'joinRate', 'weeklyRule'] as const) {
        expectCompetitionRanks(first.branches, m);
        expectCompetitionRanks(first.stations, m);
      }
      // two stations with the same, highest tip count share rank 1; the next is 3
      const top = Math.max(...first.stations.map((s) => s.tips.value ?? 0));
      await tipsAt('MAS-HX-WJ', top + 5, 1);
      await tipsAt('MAS-YS-YS', top + 5, 2);
      await refresh();
      const second = (await publish(city).expect(201)).body as RankingResponse;
      expect(second).toMatchObject({ previousId: first.id, previousTitle: first.title });
      const wj = second.stations.find((s) => s.orgId === id['MAS-HX-WJ'])!;
      const ys = second.stations.find((s) => s.orgId === id['MAS-YS-YS'])!;
      expect([wj.tips.rank, ys.tips.rank]).toEqual([1, 1]);
      expect(Math.min(...second.stations.filter((s) => s.tips.rank! > 1).map((s) => s.tips.rank!))).toBe(3);
      const wjBefore = first.stations.find((s) => s.orgId === id['MAS-HX-WJ'])!;
      expect(wj.tips.previousRank).toBe(wjBefore.tips.rank);
      expect(wj.tips.change).toBe(wjBefore.tips.rank! - 1);
      expectCompetitionRanks(second.stations, 'tips');
      // the overall order follows the overall rank
      const overall = second.stations.map((s) => s.overall.rank!);
      expect(overall).toEqual([...overall].sort((a, b) => a - b));
      expect(second.responseSpeedAvailable).toBe(second.stations.some((s) => s.responseSpeed.value !== null));
    });

    it('every officer of the city reads the published ranking, their own unit marked; export read back', async () => {
      const latest = await get<RankingResponse>(pinghu, '/admin/rankings/latest');
      expect(latest.stations.filter((s) => s.isOwn).map((s) => s.orgName)).toEqual(['平湖派出所']);
      const again = await get<RankingResponse>(yushanBranch, `/admin/rankings/${latest.id}`);
      expect(again.branches.filter((s) => s.isOwn).map((s) => s.orgName)).toEqual(['雨山分局']);
      await get(pinghu, '/admin/rankings/99999', 404);
      const list = await get<{ total: number; items: { id: number }[] }>(yushan, '/admin/rankings');
      expect(list.total).toBe(2);
      expect(list.items[0].id).toBe(latest.id);
      const { wb } = await xlsx(pinghu, `/admin/rankings/${latest.id}/export`);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['分局排名', '派出所排名']);
      const ws = wb.getWorksheet('派出所排名')!;
      expect(ws.getRow(1).getCell(3).value).toBe('单位');
      for (let i = 0; i < latest.stations.length; i++) {
        const s = latest.stations[i];
        expect([ws.getRow(i + 2).getCell(3).value, ws.getRow(i + 2).getCell(1).value]).toEqual([
          s.orgName,
          s.overall.rank,
        ]);
        expect(ws.getRow(i + 2).getCell(9).value).toBe(s.tips.value);
      }
      expect(await ctx.dataSource.getRepository(AuditLog).countBy({ action: 'ranking.export' })).toBe(1);
    });

    it('a second publication of the same title is refused; two at the same moment follow one another', async () => {
      const latest = await get<RankingResponse>(city, '/admin/rankings/latest');
      await publish(city, { title: latest.title }).expect(409);
      const [a, b] = (await Promise.all([publish(city).expect(201), publish(city).expect(201)])).map(
        (r) => r.body as RankingResponse,
      );
      const [earlier, later] = a.id < b.id ? [a, b] : [b, a];
      expect([earlier.previousId, later.previousId]).toEqual([latest.id, earlier.id]);
    });
  });
});

/** Lateness is decided by the Shanghai date of the first submission, on both sides of 16:00 UTC. */
describe.each([
  ['2026-11-30T15:30:00Z', false],
  ['2026-11-30T16:30:00Z', true],
])('Narrative submitted at %s for a stage due 2026-11-30', (instant, late) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ CLOCK_START: instant });
  });
  afterAll(() => ctx.close());

  it(late ? 'is late (already 1 December in Shanghai)' : 'is in time (still 30 November in Shanghai)', async () => {
    const city = (await ctx.loginStaff('city')).accessToken;
    const pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    const stage = (
      await ctx
        .http()
        .post('/api/admin/report-stages')
        .set(...bearer(city))
        .send({ name: '边界阶段', dueDate: '2026-11-30' })
        .expect(201)
    ).body as StageResponse;
    const n = (
      await ctx
        .http()
        .put(`/api/admin/report-stages/${stage.id}/my-narrative`)
        .set(...bearer(pinghu))
        .send({ text: TEXT })
        .expect(200)
    ).body as NarrativeResponse;
    expect(n).toMatchObject({ late, submittedOn: late ? '2026-12-01' : '2026-11-30' });
    const detail = (
      await ctx
        .http()
        .get(`/api/admin/report-stages/${stage.id}`)
        .set(...bearer(city))
        .expect(200)
    ).body as StageDetail;
    expect(detail.late.map((s) => s.orgName)).toEqual(late ? ['平湖派出所'] : []);
    expect(detail.stage.pastDue).toBe(late);
  });
});
