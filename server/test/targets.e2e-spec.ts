import type { TargetHistoryEntry, TargetResponse } from '@jianghuai/shared';
import { AuditLog } from '../src/modules/audit/audit-log.entity.js';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';

/** Targets (docs/reports.md#targets): the city sets them, each change is a new row and audited; officers read them. */
describe('Targets (e2e)', () => {
  let ctx: TestContext;
  let city: string;
  let admin: string;
  let branch: string;
  let station: string;
  let community: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    city = (await ctx.loginStaff('city')).accessToken;
    admin = (await ctx.loginStaff('admin')).accessToken;
    branch = (await ctx.loginStaff('yushan_branch')).accessToken;
    station = (await ctx.loginStaff('pinghu_station')).accessToken;
    community = (await ctx.loginStaff('pinghu_community')).accessToken;
  });
  afterAll(() => ctx.close());

  const current = async (token: string) =>
    (
      await ctx
        .http()
        .get('/api/admin/targets')
        .set(...bearer(token))
        .expect(200)
    ).body as TargetResponse[];
  const set = (token: string, body: object) =>
    ctx
      .http()
      .post('/api/admin/targets')
      .set(...bearer(token))
      .send(body);

  it('shows the defaults to every dashboard reader until the city sets a target', async () => {
    for (const token of [city, admin, branch, station]) {
      const t = await current(token);
      expect(t.find((x) => x.key === 'volunteers_total')).toMatchObject({
        value: 10000,
        dueDate: '2022-06-30',
        isDefault: true,
        label: '义警总人数',
      });
      expect(t.find((x) => x.key === 'join_rate_security_company')).toMatchObject({ value: 80, dueDate: '2022-05-15' });
      expect(t.find((x) => x.key === 'certified_coverage')).toMatchObject({ value: 100, dueDate: '2022-06-10' });
      expect(t.find((x) => x.key === 'weekly_patrols')).toMatchObject({ value: 1, dueDate: null });
    }
    await ctx
      .http()
      .get('/api/admin/targets')
      .set(...bearer(community))
      .expect(403);
  });

  it('keeps every change as history, newest in force, each one audited with the value before', async () => {
    const first = await set(city, { key: 'join_rate_property', value: 65, dueDate: '2027-05-15', note: '市局部署' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ key: 'join_rate_property', value: 65, isDefault: false, setByName: '陈支队' });
    await set(city, { key: 'join_rate_property', value: 70.5, dueDate: '2027-06-30' }).expect(201);
    const now = (await current(station)).find((x) => x.key === 'join_rate_property');
    expect(now).toMatchObject({ value: 70.5, dueDate: '2027-06-30', note: null });
    const history = (
      await ctx
        .http()
        .get('/api/admin/targets/join_rate_property/history')
        .set(...bearer(branch))
        .expect(200)
    ).body as TargetHistoryEntry[];
    expect(history.map((h) => [h.value, h.dueDate, h.note, h.setByName])).toEqual([
      [70.5, '2027-06-30', null, '陈支队'],
      [65, '2027-05-15', '市局部署', '陈支队'],
    ]);
    const audits = await ctx.dataSource
      .getRepository(AuditLog)
      .find({ where: { action: 'target.set' }, order: { id: 'ASC' } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [
        { value: 60, dueDate: '2022-05-15', isDefault: true },
        { value: 65, dueDate: '2027-05-15', note: '市局部署' },
      ],
      [
        { value: 65, dueDate: '2027-05-15', isDefault: false },
        { value: 70.5, dueDate: '2027-06-30', note: null },
      ],
    ]);
  });

  it('lets only the city set a target (403 for the branch, the station and the administrator)', async () => {
    for (const token of [branch, station, admin]) {
      await set(token, { key: 'volunteers_total', value: 1, dueDate: null }).expect(403);
    }
    expect((await current(city)).find((x) => x.key === 'volunteers_total')?.isDefault).toBe(true);
  });

  it('refuses bad input with a 400 and an unknown target with a 404, never a 500', async () => {
    const bad: object[] = [
      { key: 'volunteers_total', value: 12.5, dueDate: null },
      { key: 'join_rate_property', value: 101, dueDate: null },
      { key: 'join_rate_property', value: -1, dueDate: null },
      { key: 'volunteers_total', value: 1e12, dueDate: null },
      { key: 'volunteers_total', value: '100', dueDate: null },
      { key: 'nope', value: 1, dueDate: null },
      { key: 'volunteers_total', value: 1, dueDate: '2027-02-30' },
      { key: 'volunteers_total', value: 1, dueDate: '2027/06/30' },
      { key: 'volunteers_total', value: 1 },
      { key: 'volunteers_total', value: 1, dueDate: null, note: 'x'.repeat(201) },
      { key: 'volunteers_total', value: 1, dueDate: null, note: '   ' },
      { key: 'volunteers_total', value: 1, dueDate: null, extra: 1 },
    ];
    for (const body of bad) {
      const res = await set(city, body);
      expect([res.status, body]).toEqual([400, body]);
    }
    await ctx
      .http()
      .get('/api/admin/targets/nope/history')
      .set(...bearer(city))
      .expect(404);
  });
});
