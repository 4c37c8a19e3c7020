import sharp from 'sharp';
import { addCalendarDays, type InspectionPage, type InspectionResponse } from '@jianghuai/shared';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';

/**
 * Company supervision (docs/supervision.md#inspections): an officer records an inspection of a company in the area;
 * a finding past its deadline (Shanghai date) and not rectified is overdue, flagged and counted; the company manager
 * sees only their own company's findings and confirms; the station records 整改完成; all audited; scope is 404.
 */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];

describe(`inspections (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const companyId: Record<string, number> = {};

  const call = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const url = `/api${path}`;
    const req = (method === 'get' ? http.get(url) : http.post(url)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const today = () => ctx.clock.today();
  const record = (body: Record<string, unknown> = {}, token = t.pinghu_station) =>
    call(token, 'post', '/admin/inspections', {
      companyId: companyId.wanan,
      inspectedOn: addCalendarDays(today(), -3),
      inspectors: ['王所长', '李警官'],
      items: [
        { item: '保安员持证上岗', result: 'problem', note: '2 人未带证' },
        { item: '装备配备与管理', result: 'ok' },
      ],
      findings: '两名保安员上岗未携带保安员证',
      rectifyBy: addCalendarDays(today(), 7),
      ...body,
    });
  const audit = async (id: number) =>
    (
      await ctx.dataSource.query(
        "SELECT action, actorId FROM audit_logs WHERE targetType = 'inspection' AND targetId = ? ORDER BY id",
        [String(id)],
      )
    ).map((a: { action: string }) => a.action);

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of ['company', 'pinghu_station', 'yushan_station', 'jiefang_station', 'yushan_branch'])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    for (const name of ['huashan_branch', 'city', 'pinghu_community', 'admin'])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    const rows: { id: number; name: string }[] = await ctx.dataSource.query('SELECT id, name FROM companies');
    companyId.wanan = rows.find((c) => c.name.startsWith('皖安'))!.id;
    companyId.huayu = rows.find((c) => c.name.startsWith('马鞍山华宇'))!.id;
  });
  afterAll(() => ctx.close());

  it('records an inspection with a finding; the station, branch and city read it, others 404', async () => {
    const res = await record().expect(200);
    const i = res.body as InspectionResponse;
    expect(i).toMatchObject({
      companyName: '皖安保安服务有限公司',
      orgUnitName: '平湖派出所',
      status: 'open',
      overdue: false,
      recordedBy: '王所长',
      inspectors: ['王所长', '李警官'],
    });
    expect(i.items).toHaveLength(2);
    expect(await audit(i.id)).toEqual(['inspection.record']);
    for (const who of ['pinghu_station', 'yushan_branch', 'city'])
      await call(t[who], 'get', `/admin/inspections/${i.id}`).expect(200);
    for (const who of ['yushan_station', 'huashan_branch', 'jiefang_station']) {
      await call(t[who], 'get', `/admin/inspections/${i.id}`).expect(404);
      await call(t[who], 'post', `/admin/inspections/${i.id}/rectify`, { rectifiedOn: today(), note: '已整改' }).expect(
        404,
      );
      const list = (await call(t[who], 'get', '/admin/inspections').expect(200)).body as InspectionPage;
      expect(list.items.map((x) => x.id)).not.toContain(i.id);
    }
    // not a supervising role
    await call(t.pinghu_community, 'get', '/admin/inspections').expect(403);
    await call(t.admin, 'get', '/admin/inspections').expect(403);
  });

  it('refuses a company outside the area, a future date, a finding without a deadline and bad input (never 500)', async () => {
    expect((await record({}, t.yushan_station).expect(400)).body.code).toBe('INSPECTION_COMPANY_INVALID');
    expect((await record({ companyId: 999999 }).expect(400)).body.code).toBe('INSPECTION_COMPANY_INVALID');
    expect((await record({ inspectedOn: addCalendarDays(today(), 1) }).expect(400)).body.code).toBe(
      'INSPECTION_DATE_INVALID',
    );
    expect((await record({ rectifyBy: null }).expect(400)).body.code).toBe('INSPECTION_DEADLINE_REQUIRED');
    expect((await record({ rectifyBy: addCalendarDays(today(), -5) }).expect(400)).body.code).toBe(
      'INSPECTION_DEADLINE_REQUIRED',
    );
    for (const bad of [
      { items: 'x' },
      { items: [] },
      { inspectors: [] },
      { inspectors: ['  '] },
      { items: [{ item: '持证', result: 'maybe' }] },
      { inspectedOn: '2026-13-01' },
      { findings: 'x'.repeat(2001) },
      { companyId: 'abc' },
      { photoIds: ['../etc'] },
    ])
      await record(bad).expect(400);
    await call(t.pinghu_station, 'get', '/admin/inspections?overdue=yes').expect(400);
    await call(t.pinghu_station, 'get', '/admin/inspections/abc').expect(400);
  });

  it('an inspection without problems needs no deadline and never reaches the company', async () => {
    const clean = (
      await record({ items: [{ item: '内部管理制度', result: 'ok' }], findings: '  ', rectifyBy: undefined }).expect(
        200,
      )
    ).body as InspectionResponse;
    expect(clean).toMatchObject({ status: 'none', rectifyBy: null, findings: null, overdue: false });
    await call(t.company, 'get', `/company/inspections/${clean.id}`).expect(404);
    await call(t.company, 'post', `/company/inspections/${clean.id}/confirm`, { note: '已经整改' }).expect(404);
    expect(
      (
        await call(t.pinghu_station, 'post', `/admin/inspections/${clean.id}/rectify`, {
          rectifiedOn: today(),
          note: '已经整改',
        }).expect(409)
      ).body.code,
    ).toBe('INSPECTION_NOTHING_TO_RECTIFY');
  });

  it('past its deadline and not rectified is overdue, filtered and counted; company confirmation keeps it overdue; 整改完成 ends it', async () => {
    const before = (await call(t.yushan_branch, 'get', '/admin/inspections').expect(200)).body as InspectionPage;
    const late = (
      await record({ inspectedOn: addCalendarDays(today(), -20), rectifyBy: addCalendarDays(today(), -1) }).expect(200)
    ).body as InspectionResponse;
    const dueToday = (await record({ rectifyBy: today() }).expect(200)).body as InspectionResponse;
    expect(late.overdue).toBe(true);
    expect(dueToday.overdue).toBe(false);
    const overdue = (await call(t.yushan_branch, 'get', '/admin/inspections?overdue=1').expect(200))
      .body as InspectionPage;
    expect(overdue.items.map((x) => x.id)).toContain(late.id);
    expect(overdue.items.map((x) => x.id)).not.toContain(dueToday.id);
    expect(overdue.overdueCount).toBe(before.overdueCount + 1);
    // another station's list counts none of them
    expect(
      ((await call(t.yushan_station, 'get', '/admin/inspections').expect(200)).body as InspectionPage).overdueCount,
    ).toBe(0);

    // the company manager sees it and confirms with a note
    const mine = (await call(t.company, 'get', '/company/inspections').expect(200)).body as InspectionPage;
    expect(mine.items.map((x) => x.id)).toEqual(expect.arrayContaining([late.id, dueToday.id]));
    expect(mine.overdueCount).toBeGreaterThanOrEqual(1);
    await call(t.company, 'post', `/company/inspections/${late.id}/confirm`, { note: '  ' }).expect(400);
    const confirmed = (
      await call(t.company, 'post', `/company/inspections/${late.id}/confirm`, {
        note: '已补办并随身携带保安员证',
      }).expect(200)
    ).body as InspectionResponse;
    expect(confirmed).toMatchObject({ status: 'confirmed', companyNote: '已补办并随身携带保安员证', overdue: true });
    expect(
      (await call(t.company, 'post', `/company/inspections/${late.id}/confirm`, { note: '再次确认' }).expect(409)).body
        .code,
    ).toBe('INSPECTION_STATE_CHANGED');

    // the station records 整改完成: no longer overdue
    await call(t.pinghu_station, 'post', `/admin/inspections/${late.id}/rectify`, {
      rectifiedOn: addCalendarDays(today(), 1),
      note: '复查合格',
    }).expect(400);
    const done = (
      await call(t.pinghu_station, 'post', `/admin/inspections/${late.id}/rectify`, {
        rectifiedOn: today(),
        note: '复查合格',
      }).expect(200)
    ).body as InspectionResponse;
    expect(done).toMatchObject({ status: 'rectified', overdue: false, rectifiedBy: '王所长', rectifyNote: '复查合格' });
    await call(t.pinghu_station, 'post', `/admin/inspections/${late.id}/rectify`, {
      rectifiedOn: today(),
      note: '再次',
    }).expect(409);
    const after = (await call(t.yushan_branch, 'get', '/admin/inspections?overdue=1').expect(200))
      .body as InspectionPage;
    expect(after.overdueCount).toBe(before.overdueCount);
    expect(await audit(late.id)).toEqual(['inspection.record', 'inspection.company_confirm', 'inspection.rectify']);
  });

  it("a company manager sees only their own company's findings", async () => {
    const other = (await record({ companyId: companyId.huayu }, t.jiefang_station).expect(200))
      .body as InspectionResponse;
    await call(t.company, 'get', `/company/inspections/${other.id}`).expect(404);
    await call(t.company, 'post', `/company/inspections/${other.id}/confirm`, { note: '不是本单位' }).expect(404);
    const mine = (await call(t.company, 'get', '/company/inspections?pageSize=100').expect(200)).body as InspectionPage;
    expect(mine.items.every((x) => x.companyId === companyId.wanan)).toBe(true);
    // staff routes are not theirs, and officers do not use the company routes
    await call(t.company, 'get', '/admin/inspections').expect(403);
    await call(t.pinghu_station, 'get', '/company/inspections').expect(403);
  });

  it('photos are read by the officers over the company and its manager only', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3a3' } })
      .jpeg()
      .toBuffer();
    const upload = async (token: string) =>
      (
        await ctx
          .http()
          .post('/api/files')
          .set(...bearer(token))
          .field('purpose', 'inspection_photo')
          .attach('file', jpeg, { filename: 'a.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body.id as string;
    const photo = await upload(t.pinghu_station);
    const i = (await record({ photoIds: [photo] }).expect(200)).body as InspectionResponse;
    expect(i.photos.map((p) => p.fileId)).toEqual([photo]);
    for (const who of ['pinghu_station', 'yushan_branch', 'company'])
      await ctx
        .http()
        .get(`/api/files/${photo}`)
        .set(...bearer(t[who]))
        .expect(200);
    await ctx
      .http()
      .get(`/api/files/${photo}`)
      .set(...bearer(t.yushan_station))
      .expect(404);
    // a photo already used, or someone else's, refuses the record
    expect((await record({ photoIds: [photo] }).expect(400)).body.code).toBe('INSPECTION_PHOTO_INVALID');
    const theirs = await upload(t.yushan_branch);
    expect((await record({ photoIds: [theirs] }).expect(400)).body.code).toBe('INSPECTION_PHOTO_INVALID');
  });
});

describe(`inspections overdue by the Shanghai date (${E2E_DB})`, () => {
  it('a deadline of 11-30 is overdue at 07:30 Shanghai on 12-01 (UTC still 11-30) and not at 23:30 on 11-30', async () => {
    const results: Record<string, boolean> = {};
    for (const instant of ['2026-11-30T15:30:00Z', '2026-11-30T23:30:00Z']) {
      const ctx = await createTestApp({ CLOCK_START: instant });
      try {
        const token = (await ctx.loginStaff('pinghu_station')).accessToken;
        const companyId = Number(
          (await ctx.dataSource.query("SELECT id FROM companies WHERE name LIKE '皖安%'"))[0].id,
        );
        const res = await ctx
          .http()
          .post('/api/admin/inspections')
          .set(...bearer(token))
          .send({
            companyId,
            inspectedOn: '2026-11-20',
            inspectors: ['王所长'],
            items: [{ item: '保安员持证上岗', result: 'problem' }],
            rectifyBy: '2026-11-30',
          })
          .expect(200);
        results[instant] = (res.body as InspectionResponse).overdue;
        const list = (
          await ctx
            .http()
            .get('/api/admin/inspections?overdue=1')
            .set(...bearer(token))
            .expect(200)
        ).body as InspectionPage;
        expect(list.items.some((x) => x.id === res.body.id)).toBe(results[instant]);
      } finally {
        await ctx.close();
      }
    }
    expect(results).toEqual({ '2026-11-30T15:30:00Z': false, '2026-11-30T23:30:00Z': true });
  });
});
