import sharp from 'sharp';
import type { IncidentReportResponse } from '@jianghuai/shared';
import { IncidentReport } from '../src/modules/casework/entities/incident-report.entity.js';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';

/**
 * Major-event reports (docs/disputes.md#major-event-reports): late filing by the per-category limit counted from the
 * event, the station's 受理 / 分类 / 处置, the branch told once of a report left unacknowledged, scope.
 */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
let seq = 0;
const requestId = () => `inc-req-${Date.now().toString(36)}-${(seq++).toString(36)}`;
const MIN = 60_000;

describe(`incident reports (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};

  const call = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const url = `/api${path}`;
    const req = (method === 'get' ? http.get(url) : http.post(url)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const ago = (ms: number) => new Date(ctx.clock.nowMs() - ms).toISOString();
  const file = (body: Record<string, unknown> = {}, token = t.company) =>
    call(token, 'post', '/company/incident-reports', {
      clientRequestId: requestId(),
      category: 'urgent',
      subcategory: '火灾',
      occurredAt: ago(10 * MIN),
      place: '雨山湖公园东门',
      content: '园区配电箱起火，已扑灭，无人员伤亡',
      people: '保安员王某（发现人）',
      ...body,
    });
  const upload = async (token: string, purpose: string) =>
    (
      await ctx
        .http()
        .post('/api/files')
        .set(...bearer(token))
        .field('purpose', purpose)
        .attach(
          'file',
          await sharp({ create: { width: 200, height: 150, channels: 3, background: '#a33' } })
            .jpeg()
            .toBuffer(),
          { filename: 'a.jpg', contentType: 'image/jpeg' },
        )
        .expect(201)
    ).body.id as string;
  const userId = async (username: string) =>
    Number((await ctx.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);
  const messages = async (username: string, template: string, id: number) =>
    Number(
      (
        await ctx.dataSource.query(
          'SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND template = ? AND page LIKE ?',
          [await userId(username), template, `%?id=${id}`],
        )
      )[0].n,
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'company',
      'pinghu_station',
      'yushan_station',
      'yushan_branch',
      'huashan_branch',
      'city',
      'admin',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken;
  });
  afterAll(() => ctx.close());

  it('a report filed after its limit counted from the event is late; within it, not; the station is told', async () => {
    const cases: [string, number, boolean][] = [
      ['urgent', 59 * MIN, false],
      ['urgent', 61 * MIN, true],
      ['major', 23 * 60 * MIN, false],
      ['major', 25 * 60 * MIN, true],
    ];
    for (const [category, before, late] of cases) {
      const r = (await file({ category, occurredAt: ago(before) }).expect(200)).body as IncidentReportResponse;
      expect([category, before, r.late]).toEqual([category, before, late]);
      expect(r).toMatchObject({ status: 'received', stationName: '平湖派出所', companyName: '皖安保安服务有限公司' });
      const limit = category === 'urgent' ? 60 * MIN : 24 * 60 * MIN;
      expect(new Date(r.reportDueAt).getTime() - new Date(r.occurredAt).getTime()).toBe(limit);
      expect(new Date(r.acknowledgeDueAt).getTime() - new Date(r.filedAt).getTime()).toBe(limit);
      expect(await messages('pinghu_station', 'incident_report', r.id)).toBe(1);
    }
    const future = await file({ occurredAt: new Date(ctx.clock.nowMs() + 60 * MIN).toISOString() }).expect(400);
    expect(future.body.code).toBe('INCIDENT_OCCURRED_IN_FUTURE');
    await file({ category: 'minor' }).expect(400);
    await file({ attachmentIds: Array.from({ length: 7 }, () => 'a'.repeat(32)) }).expect(400);
  });

  it('a report carries up to 6 own attachments; the same request id returns the same report', async () => {
    const a1 = await upload(t.company, 'incident_attachment');
    const a2 = await upload(t.company, 'incident_attachment');
    const clientRequestId = requestId();
    const replies = await Promise.all([1, 2, 3].map(() => file({ clientRequestId, attachmentIds: [a1, a2] })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const r = replies[0].body as IncidentReportResponse;
    expect(r.attachments.map((x) => x.fileId)).toEqual([a1, a2]);
    // the station reads the attachment; another station does not
    await ctx
      .http()
      .get(r.attachments[0].url)
      .set(...bearer(t.pinghu_station))
      .expect(200);
    await ctx
      .http()
      .get(r.attachments[0].url)
      .set(...bearer(t.yushan_station))
      .expect(404);
    // someone else's upload, another purpose, or one already used refuses the report
    const foreign = await upload(t.zhangwei, 'incident_attachment');
    const personal = await upload(t.company, 'personal');
    for (const bad of [foreign, personal, a1]) {
      const res = await file({ attachmentIds: [bad] }).expect(400);
      expect(res.body.code).toBe('INCIDENT_ATTACHMENT_INVALID');
    }
    const mine = await call(t.company, 'get', '/company/incident-reports?pageSize=100').expect(200);
    expect(mine.body.items.map((x: { id: number }) => x.id)).toContain(r.id);
    await call(t.company, 'get', `/company/incident-reports/${r.id}`).expect(200);
  });

  it('the station acknowledges, classifies and records the disposal; each step once, in order', async () => {
    const r = (await file().expect(200)).body as IncidentReportResponse;
    const early = await call(t.pinghu_station, 'post', `/admin/incident-reports/${r.id}/classify`, {
      classification: '消防安全事件',
    }).expect(409);
    expect(early.body.code).toBe('INCIDENT_STATE_CHANGED');
    const acks = await Promise.all([
      call(t.pinghu_station, 'post', `/admin/incident-reports/${r.id}/acknowledge`),
      call(t.yushan_branch, 'post', `/admin/incident-reports/${r.id}/acknowledge`),
    ]);
    expect(acks.map((x) => x.status).sort()).toEqual([200, 409]);
    await call(t.pinghu_station, 'post', `/admin/incident-reports/${r.id}/classify`, {
      classification: '消防安全事件',
    }).expect(200);
    const done = await call(t.pinghu_station, 'post', `/admin/incident-reports/${r.id}/dispose`, {
      disposal: '民警到场核查，配电箱已断电更换，无次生风险',
    }).expect(200);
    expect(done.body).toMatchObject({
      status: 'disposed',
      classification: '消防安全事件',
      disposal: '民警到场核查，配电箱已断电更换，无次生风险',
      acknowledgeOverdue: false,
    });
    expect(done.body.acknowledgedBy).toBeTruthy();
    const seen = await call(t.company, 'get', `/company/incident-reports/${r.id}`).expect(200);
    expect(seen.body.status).toBe('disposed');
    const audit = await ctx.dataSource.query(
      "SELECT action FROM audit_logs WHERE targetType = 'incident_report' AND targetId = ? ORDER BY id",
      [String(r.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'incident.acknowledge',
      'incident.classify',
      'incident.dispose',
    ]);
  });

  it('a report left unacknowledged past its limit is flagged to the branch once by the job, and listed', async () => {
    const waiting = (await file().expect(200)).body as IncidentReportResponse;
    const fresh = (await file().expect(200)).body as IncidentReportResponse;
    const handled = (await file().expect(200)).body as IncidentReportResponse;
    await call(t.pinghu_station, 'post', `/admin/incident-reports/${handled.id}/acknowledge`).expect(200);
    const repo = ctx.dataSource.getRepository(IncidentReport);
    const now = ctx.clock.nowMs();
    await repo.update(waiting.id, { acknowledgeDueAt: new Date(now - MIN) });
    await repo.update(fresh.id, { acknowledgeDueAt: new Date(now + MIN) });
    await repo.update(handled.id, { acknowledgeDueAt: new Date(now - MIN) });

    const admin = t.admin;
    const run = () => call(admin, 'post', '/admin/jobs/incident-report-overdue/run');
    const first = await run().expect(200);
    expect(first.body.ran).toBe(true);
    expect(first.body.result.flagged).toBeGreaterThanOrEqual(1);
    expect(await messages('yushan_branch', 'incident_overdue', waiting.id)).toBe(1);
    expect(await messages('yushan_branch', 'incident_overdue', fresh.id)).toBe(0);
    expect(await messages('yushan_branch', 'incident_overdue', handled.id)).toBe(0);
    expect(await messages('pinghu_station', 'incident_overdue', waiting.id)).toBe(0);
    expect(await messages('huashan_branch', 'incident_overdue', waiting.id)).toBe(0);
    const second = await run().expect(200);
    expect(second.body.result).toEqual({ flagged: 0, notified: 0 });
    expect(await messages('yushan_branch', 'incident_overdue', waiting.id)).toBe(1);

    const list = await call(t.yushan_branch, 'get', '/admin/incident-reports?flag=unacknowledged&pageSize=100').expect(
      200,
    );
    const listed = list.body.items.map((x: { id: number }) => x.id);
    expect(listed).toContain(waiting.id);
    expect(listed).not.toContain(fresh.id);
    expect(listed).not.toContain(handled.id);
    const row = list.body.items.find((x: { id: number }) => x.id === waiting.id);
    expect(row.acknowledgeOverdue).toBe(true);
    expect(row.overdueFlaggedAt).toBeTruthy();

    const late = (await file({ occurredAt: ago(2 * 60 * MIN) }).expect(200)).body as IncidentReportResponse;
    const lateList = await call(t.yushan_branch, 'get', '/admin/incident-reports?flag=late&pageSize=100').expect(200);
    expect(lateList.body.items.every((x: { late: boolean }) => x.late)).toBe(true);
    expect(lateList.body.items.map((x: { id: number }) => x.id)).toContain(late.id);
    const any = await call(t.yushan_branch, 'get', '/admin/incident-reports?flag=any&pageSize=100').expect(200);
    expect(any.body.items.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([late.id, waiting.id]));
    expect(any.body.items.map((x: { id: number }) => x.id)).not.toContain(fresh.id);
  });

  it('every route is 404 for another station and branch, 403 for guards and for staff on the company routes', async () => {
    const r = (await file().expect(200)).body as IncidentReportResponse;
    const probes: ['get' | 'post', string, object?][] = [
      ['get', `/admin/incident-reports/${r.id}`],
      ['post', `/admin/incident-reports/${r.id}/acknowledge`],
      ['post', `/admin/incident-reports/${r.id}/classify`, { classification: '越权分类' }],
      ['post', `/admin/incident-reports/${r.id}/dispose`, { disposal: '越权处置' }],
    ];
    for (const who of ['yushan_station', 'huashan_branch']) {
      for (const [method, path, body] of probes) {
        const res = await call(t[who], method, path, body);
        expect([who, path, res.status]).toEqual([who, path, 404]);
      }
      const list = await call(t[who], 'get', '/admin/incident-reports?pageSize=100').expect(200);
      expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(r.id);
    }
    for (const who of ['zhangwei', 'company', 'admin']) {
      for (const [method, path, body] of [...probes, ['get', '/admin/incident-reports'] as ['get', string]]) {
        const res = await call(t[who], method, path, body);
        expect([who, path, res.status]).toEqual([who, path, 403]);
      }
    }
    for (const who of ['zhangwei', 'pinghu_station']) {
      await file({}, t[who]).expect(403);
      await call(t[who], 'get', '/company/incident-reports').expect(403);
      await call(t[who], 'get', `/company/incident-reports/${r.id}`).expect(403);
    }
    for (const who of ['yushan_branch', 'city'])
      await call(t[who], 'get', `/admin/incident-reports/${r.id}`).expect(200);
    const now = (await call(t.pinghu_station, 'get', `/admin/incident-reports/${r.id}`).expect(200)).body;
    expect(now).toMatchObject({ status: 'received', version: 1, classification: null });
  });
});
