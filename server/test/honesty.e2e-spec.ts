import type { HonestyFlagPage, HonestyFlagResponse } from '@jianghuai/shared';
import { Company } from '../src/modules/companies/company.entity.js';
import { HonestyWatermark } from '../src/modules/honesty/honesty-watermark.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { createActivity, createSignup } from './unit/factories-activities.js';
import { createApplication } from './unit/factories-applications.js';
import { createGuard, unitIdNumber } from './unit/factories-roster.js';

/**
 * Data honesty (docs/supervision.md#honesty): the honesty-scan job finds each kind of implausible record once from
 * planted rows and none from honest ones, reads only from its watermark on, and the branch (not another branch, not a
 * station) reviews and dismisses a flag with a reason, audited.
 */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
const MIN = 60_000;

describe(`honesty flags (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const planted: Record<string, string> = {};

  const call = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const url = `/api${path}`;
    const req = (method === 'get' ? http.get(url) : http.post(url)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const scan = async () =>
    (await call(t.admin, 'post', '/admin/jobs/honesty-scan/run').expect(200)).body.result as Record<string, number>;
  const flags = async (): Promise<{ kind: string; recordKey: string; id: number }[]> =>
    ctx.dataSource.query('SELECT id, kind, recordKey FROM honesty_flags ORDER BY id');
  const ago = (ms: number) => new Date(ctx.clock.nowMs() - ms);

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of ['admin', 'city', 'yushan_branch', 'huashan_branch', 'pinghu_station'])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    await scan(); // the demo's own records first: the planted ones are judged alone below
    const ph = await ctx.org('MAS-YS-PH');
    const ys = await ctx.org('MAS-YS-YS');
    const vols = await ctx.dataSource.getRepository(Volunteer).find({ order: { id: 'ASC' }, take: 2 });
    const [a, b] = vols;
    const made = ago(3 * 60 * MIN);
    // far apart: 平湖 (31.66, 118.50) and a place about 6 km away; near: 500 m
    const x = await createActivity(ctx.dataSource, ph, made, { title: '平湖夜巡', lat: 31.66, lng: 118.5 });
    const y = await createActivity(ctx.dataSource, ys, made, { title: '雨山夜巡', lat: 31.7, lng: 118.55 });
    const near = await createActivity(ctx.dataSource, ph, made, { title: '湖边巡逻', lat: 31.6645, lng: 118.5 });
    const far2 = await createActivity(ctx.dataSource, ys, made, { title: '采石巡逻', lat: 31.6, lng: 118.45 });
    const checkin = (lat: number, lng: number, at: Date) => ({ checkinAt: at, checkinLat: lat, checkinLng: lng });
    // rapid: a at x, then 5 minutes later at y (6 km)
    const s1 = await createSignup(ctx.dataSource, x, a, checkin(31.66, 118.5, ago(40 * MIN)));
    const s2 = await createSignup(ctx.dataSource, y, a, checkin(31.7, 118.55, ago(35 * MIN)));
    planted.rapid = `${s1.id}:${s2.id}`;
    // honest: a again far away but 25 minutes after y; b at x then 500 m away within 3 minutes
    await createSignup(ctx.dataSource, far2, a, checkin(31.6, 118.45, ago(10 * MIN)));
    await createSignup(ctx.dataSource, x, b, checkin(31.66, 118.5, ago(30 * MIN)));
    await createSignup(ctx.dataSource, near, b, checkin(31.6645, 118.5, ago(27 * MIN)));
    // attendance: confirmed without a check-in; 200 minutes credited in a 2-hour window; honest ones
    const confirmed = (minutes: number, at: Date, withCheckin: boolean) => ({
      attendance: 'confirmed' as const,
      confirmedAt: at,
      confirmedMinutes: minutes,
      ...(withCheckin ? checkin(31.66, 118.5, ago(170 * MIN)) : {}),
    });
    const z1 = await createActivity(ctx.dataSource, ph, made, { title: '无签到出勤' });
    const z2 = await createActivity(ctx.dataSource, ph, made, { title: '超时出勤' });
    const z3 = await createActivity(ctx.dataSource, ph, made, { title: '正常出勤' });
    planted.noCheckin = String((await createSignup(ctx.dataSource, z1, b, confirmed(60, ago(5 * MIN), false))).id);
    planted.overHours = String((await createSignup(ctx.dataSource, z2, b, confirmed(200, ago(5 * MIN), true))).id);
    await createSignup(ctx.dataSource, z3, b, confirmed(170, ago(5 * MIN), true));
    // approvals: a name that differs from its roster guard's, and one that matches (spaces aside)
    const company = (await ctx.dataSource.getRepository(Company).findOneByOrFail({ homeStationId: ph.id }))!;
    const user = await ctx.dataSource.getRepository(User).findOneByOrFail({ id: a.userId });
    const g1 = await createGuard(ctx.dataSource, made, company, unitIdNumber(871), { name: '陈新' });
    const g2 = await createGuard(ctx.dataSource, made, company, unitIdNumber(872), { name: '李明' });
    const approved = { status: 'approved' as const, decidedAt: ago(5 * MIN) };
    planted.name = String(
      (
        await createApplication(ctx.dataSource, made, user, ph, 871, {
          ...approved,
          name: '陈欣',
          rosterGuardId: g1.id,
        })
      ).id,
    );
    await createApplication(ctx.dataSource, made, user, ph, 872, { ...approved, name: '李 明', rosterGuardId: g2.id });
    // as if the last hourly run was an hour ago: everything planted lies after its watermarks
    await ctx.dataSource
      .createQueryBuilder()
      .update(HonestyWatermark)
      .set({ markAt: ago(60 * MIN) })
      .execute();
  });
  afterAll(() => ctx.close());

  it('flags each planted record once and no honest one; a second scan adds nothing', async () => {
    const before = await flags();
    const result = await scan();
    const added = (await flags()).filter((f) => !before.some((b) => b.id === f.id));
    expect(added.map((f) => [f.kind, f.recordKey]).sort()).toEqual(
      [
        ['attendance_without_checkin', planted.noCheckin],
        ['hours_over_window', planted.overHours],
        ['rapid_checkins', planted.rapid],
        ['roster_name_mismatch', planted.name],
      ].sort(),
    );
    expect(result).toEqual({ rapidCheckins: 1, attendance: 2, rosterNameMismatch: 1 });
    expect(await scan()).toEqual({ rapidCheckins: 0, attendance: 0, rosterNameMismatch: 0 });
    expect(await flags()).toHaveLength(before.length + 4);
  });

  it('reads from its watermark on: a record from days ago is not looked at again', async () => {
    const ph = await ctx.org('MAS-YS-PH');
    const [, b] = await ctx.dataSource.getRepository(Volunteer).find({ order: { id: 'ASC' }, take: 2 });
    const old = await createActivity(ctx.dataSource, ph, ago(3 * 24 * 60 * MIN), { title: '旧活动' });
    await createSignup(ctx.dataSource, old, b, {
      attendance: 'confirmed',
      confirmedAt: ago(2 * 24 * 60 * MIN),
      confirmedMinutes: 60,
    });
    expect(await scan()).toEqual({ rapidCheckins: 0, attendance: 0, rosterNameMismatch: 0 });
  });

  it('the branch lists and opens its flags with links; another branch 404; stations may not', async () => {
    const page = (await call(t.yushan_branch, 'get', '/admin/honesty-flags?status=open&pageSize=100').expect(200))
      .body as HonestyFlagPage;
    const rapid = page.items.find((f) => f.kind === 'rapid_checkins')!;
    expect(rapid.summary).toMatch(/签到，两地相距 \d+\.\d 公里（同一账号）/);
    expect(
      rapid.links
        .filter((l) => l.type === 'signup')
        .map((l) => l.id)
        .join(':'),
    ).toBe(planted.rapid);
    expect(rapid.orgUnitName).toBe('雨山派出所');
    const name = page.items.find((f) => f.kind === 'roster_name_mismatch')!;
    expect(name.summary).toContain('陈欣');
    expect(name.summary).toContain('陈新');
    await call(t.city, 'get', `/admin/honesty-flags/${rapid.id}`).expect(200);
    await call(t.huashan_branch, 'get', `/admin/honesty-flags/${rapid.id}`).expect(404);
    await call(t.huashan_branch, 'post', `/admin/honesty-flags/${rapid.id}/dismiss`, { reason: '核实为同一人' }).expect(
      404,
    );
    const other = (await call(t.huashan_branch, 'get', '/admin/honesty-flags?pageSize=100').expect(200))
      .body as HonestyFlagPage;
    expect(other.items.map((f) => f.id)).not.toContain(rapid.id);
    await call(t.pinghu_station, 'get', '/admin/honesty-flags').expect(403);
    await call(t.admin, 'get', '/admin/honesty-flags').expect(403);
    await call(t.yushan_branch, 'get', '/admin/honesty-flags?kind=nope').expect(400);
    await call(t.yushan_branch, 'get', '/admin/honesty-flags/abc').expect(400);
  });

  it('dismissing needs a reason, is audited and happens once', async () => {
    const page = (await call(t.yushan_branch, 'get', '/admin/honesty-flags?kind=hours_over_window').expect(200))
      .body as HonestyFlagPage;
    const flag = page.items.find((f) =>
      f.links.some((l) => l.type === 'signup' && String(l.id) === planted.overHours),
    )!;
    for (const reason of ['', '   ', '短', 'x'.repeat(201)])
      await call(t.yushan_branch, 'post', `/admin/honesty-flags/${flag.id}/dismiss`, { reason }).expect(400);
    await call(t.yushan_branch, 'post', `/admin/honesty-flags/${flag.id}/dismiss`, { reason: 'ok', extra: 1 }).expect(
      400,
    );
    const done = (
      await call(t.yushan_branch, 'post', `/admin/honesty-flags/${flag.id}/dismiss`, {
        reason: '活动延长至深夜，已核实签到表',
      }).expect(200)
    ).body as HonestyFlagResponse;
    expect(done).toMatchObject({
      status: 'dismissed',
      dismissReason: '活动延长至深夜，已核实签到表',
      dismissedBy: '刘大队',
    });
    expect(
      (await call(t.city, 'post', `/admin/honesty-flags/${flag.id}/dismiss`, { reason: '再次排除一次' }).expect(409))
        .body.code,
    ).toBe('HONESTY_FLAG_STATE_CHANGED');
    const audit = await ctx.dataSource.query(
      "SELECT action FROM audit_logs WHERE targetType = 'honesty_flag' AND targetId = ?",
      [String(flag.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['honesty.dismiss']);
    const open = (await call(t.yushan_branch, 'get', '/admin/honesty-flags?status=open&pageSize=100').expect(200))
      .body as HonestyFlagPage;
    expect(open.items.map((f) => f.id)).not.toContain(flag.id);
  });
});
