import { addCalendarDays, type DisputeResponse, type MediatorCandidate } from '@jianghuai/shared';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testToday } from './support/test-clock.js';

/** Disputes (docs/disputes.md): the station's case file, mediators by skill and distance, from a tip, scope. */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
let seq = 0;
const requestId = () => `dsp-req-${Date.now().toString(36)}-${(seq++).toString(36)}`;

describe(`disputes (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};
  const ids: Record<string, number> = {};

  const call = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const url = `/api${path}`;
    const req = (method === 'get' ? http.get(url) : http.post(url)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const newCase = (token: string, extra: Record<string, unknown> = {}) =>
    call(token, 'post', '/admin/disputes', {
      type: 'neighbour',
      parties: [
        { name: '张三丰', phone: '13912345678' },
        { name: '李四', phone: null },
      ],
      place: { address: '平湖小区 3 栋', lat: 31.662, lng: 118.504 },
      description: '楼上漏水，两户多次争吵',
      ...extra,
    });
  const volunteerId = async (memberNo: string) =>
    Number((await ctx.dataSource.query('SELECT id FROM volunteers WHERE memberNo = ?', [memberNo]))[0].id);
  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'pinghu_station',
      'pinghu_community',
      'yushan_station',
      'yushan_branch',
      'huashan_branch',
      'city',
      'admin',
      'company',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    for (const name of ['zhangwei', 'liuxiuying', 'wangjianguo', 'zhaodeming', 'lina'])
      t[name] = (await ctx.loginWechat(name)).accessToken;
    // 平湖派出所's mediators: 王建国 lives in 平湖社区 (near the case), 刘秀英 in 雨山湖社区 (farther), 赵德明 has no
    // known community; 李娜 has the skill but belongs to another station, 陈志强 lacks it
    const [c1, c2] = [await ctx.org('MAS-YS-PH-C1'), await ctx.org('MAS-YS-PH-C2')];
    await ctx.dataSource.query('UPDATE org_units SET lat = ?, lng = ? WHERE id = ?', [31.6625, 118.5045, c1.id]);
    await ctx.dataSource.query('UPDATE org_units SET lat = ?, lng = ? WHERE id = ?', [31.672, 118.52, c2.id]);
    ids.wangjianguo = await volunteerId('MAS2026000003');
    ids.liuxiuying = await volunteerId('MAS2026000004');
    ids.chenzhiqiang = await volunteerId('MAS2026000005');
    ids.zhaodeming = await volunteerId('MAS2026000006');
    ids.lina = await volunteerId('MAS2026000002');
    const skill = JSON.stringify([{ name: '调解' }]);
    await ctx.dataSource.query('UPDATE volunteers SET skills = ?, residenceCommunityId = ? WHERE id = ?', [
      skill,
      c1.id,
      ids.wangjianguo,
    ]);
    await ctx.dataSource.query('UPDATE volunteers SET residenceCommunityId = ? WHERE id = ?', [c2.id, ids.liuxiuying]);
    await ctx.dataSource.query('UPDATE volunteers SET skills = ?, residenceCommunityId = NULL WHERE id = ?', [
      skill,
      ids.zhaodeming,
    ]);
  });
  afterAll(() => ctx.close());

  it('a case goes from opening through mediation to 化解, parties masked in lists and their phones sealed', async () => {
    const created = (await newCase(t.pinghu_station).expect(200)).body as DisputeResponse;
    expect(created).toMatchObject({
      status: 'open',
      type: 'neighbour',
      stationName: '平湖派出所',
      openedOn: testToday(),
    });
    expect(created.parties).toEqual([
      { name: '张三丰', phoneMasked: '139****5678' },
      { name: '李四', phoneMasked: null },
    ]);
    const stored = (await ctx.dataSource.query('SELECT parties FROM dispute_cases WHERE id = ?', [created.id]))[0];
    expect(JSON.stringify(stored)).not.toContain('13912345678');

    const list = await call(t.pinghu_station, 'get', '/admin/disputes?pageSize=100').expect(200);
    const row = list.body.items.find((x: { id: number }) => x.id === created.id);
    expect(row.parties.map((p: { name: string }) => p.name)).toEqual(['张**', '李*']);
    expect(row.steps).toBeUndefined();

    // an officer's dated step; a day after today is refused
    await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/steps`, {
      date: testToday(),
      text: '上门了解情况，约定周末协商',
    }).expect(200);
    const future = await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/steps`, {
      date: addCalendarDays(testToday(), 1),
      text: '未来的记录',
    }).expect(400);
    expect(future.body.code).toBe('DISPUTE_STEP_IN_FUTURE');
    await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/steps`, {
      date: '2026-02-30',
      text: '无效日期',
    }).expect(400);

    // mediators: the station's volunteers with the skill, nearest residence community first, unknown last
    const cands = (await call(t.pinghu_station, 'get', `/admin/disputes/${created.id}/mediator-candidates`).expect(200))
      .body as MediatorCandidate[];
    expect(cands.map((c) => c.volunteerId)).toEqual([ids.wangjianguo, ids.liuxiuying, ids.zhaodeming]);
    expect(cands[0].distanceMeters).toBeLessThan(cands[1].distanceMeters!);
    expect(cands[0].communityName).toBe('平湖社区');
    expect(cands[2].distanceMeters).toBeNull();
    for (const bad of [ids.lina, ids.chenzhiqiang]) {
      const res = await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/mediator`, { volunteerId: bad });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DISPUTE_MEDIATOR_INVALID');
    }
    const assigned = await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/mediator`, {
      volunteerId: ids.wangjianguo,
    }).expect(200);
    expect(assigned.body.mediator).toMatchObject({ volunteerId: ids.wangjianguo, name: '王建国' });
    const mediatorUser = Number(
      (await ctx.dataSource.query('SELECT userId FROM volunteers WHERE id = ?', [ids.wangjianguo]))[0].userId,
    );
    const told = await ctx.dataSource.query(
      "SELECT page FROM notifications WHERE userId = ? AND template = 'dispute_mediator'",
      [mediatorUser],
    );
    expect(told).toEqual([{ page: `cases/mediation-detail/index?id=${created.id}` }]);

    // the mediator sees only their cases; another volunteer sees none of it
    const mine = await call(t.wangjianguo, 'get', '/me/disputes').expect(200);
    expect(mine.body.items.map((x: { id: number }) => x.id)).toContain(created.id);
    expect((await call(t.liuxiuying, 'get', '/me/disputes').expect(200)).body.items).toEqual([]);
    await call(t.liuxiuying, 'get', `/me/disputes/${created.id}`).expect(404);
    await call(t.liuxiuying, 'post', `/me/disputes/${created.id}/steps`, {
      date: testToday(),
      text: '冒充记录',
    }).expect(404);
    await call(t.liuxiuying, 'post', `/me/disputes/${created.id}/propose`, {
      outcome: 'resolved',
      note: '冒充',
    }).expect(404);

    await call(t.wangjianguo, 'post', `/me/disputes/${created.id}/steps`, {
      date: testToday(),
      text: '两户见面协商，达成维修协议',
    }).expect(200);
    const proposed = await call(t.wangjianguo, 'post', `/me/disputes/${created.id}/propose`, {
      outcome: 'resolved',
      note: '签订维修协议，双方满意',
    }).expect(200);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedOutcome: 'resolved' });
    expect(proposed.body.steps.map((x: { byMediator: boolean; author: string }) => [x.byMediator, x.author])).toEqual([
      [false, expect.not.stringMatching(/^调解员$/)],
      [true, '调解员'],
    ]);

    // the officers confirm; the case is closed today and takes no more steps
    const closed = await call(t.pinghu_station, 'post', `/admin/disputes/${created.id}/close`, {
      outcome: 'resolved',
      note: '确认化解',
    }).expect(200);
    expect(closed.body).toMatchObject({ status: 'resolved', outcome: 'resolved', closedOn: testToday() });
    const after = await call(t.wangjianguo, 'post', `/me/disputes/${created.id}/steps`, {
      date: testToday(),
      text: '结案后',
    }).expect(409);
    expect(after.body.code).toBe('DISPUTE_STATE_CHANGED');
    const audit = await ctx.dataSource.query(
      "SELECT action FROM audit_logs WHERE targetType = 'dispute' AND targetId = ? ORDER BY id",
      [String(created.id)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'dispute.create',
      'dispute.step',
      'dispute.mediator',
      'dispute.close',
    ]);
  });

  it('a 矛盾纠纷 tip becomes one case of its station; other tips and other stations cannot', async () => {
    const submit = (category: string) =>
      call(t.zhangwei, 'post', '/tips', {
        clientRequestId: requestId(),
        category,
        text: '小区物业与业主因停车费争执',
        place: { address: '平湖小区北门', lat: 31.663, lng: 118.503 },
      }).expect(200);
    const tip = (await submit('dispute')).body.id as number;
    const other = (await submit('fire_hazard')).body.id as number;
    const body = { tipId: tip, type: 'property', parties: [{ name: '王业主' }] };
    await call(t.yushan_station, 'post', '/admin/disputes/from-tip', body).expect(404);
    const made = (await call(t.pinghu_station, 'post', '/admin/disputes/from-tip', body).expect(200))
      .body as DisputeResponse;
    expect(made).toMatchObject({
      tipId: tip,
      type: 'property',
      description: '小区物业与业主因停车费争执',
      address: '平湖小区北门',
      lat: 31.663,
      stationName: '平湖派出所',
    });
    expect((await call(t.yushan_branch, 'post', '/admin/disputes/from-tip', body).expect(409)).body.code).toBe(
      'DISPUTE_TIP_CONVERTED',
    );
    const wrong = await call(t.pinghu_station, 'post', '/admin/disputes/from-tip', { ...body, tipId: other });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'DISPUTE_TIP_NOT_DISPUTE']);
    await call(t.pinghu_station, 'post', '/admin/disputes/from-tip', { ...body, tipId: 999999 }).expect(404);
  });

  it('where a case is held: a community keeps its own, branches name a station of theirs', async () => {
    const byCommunity = (await newCase(t.pinghu_community).expect(200)).body as DisputeResponse;
    expect(byCommunity.stationName).toBe('平湖派出所');
    await call(t.pinghu_station, 'get', `/admin/disputes/${byCommunity.id}`).expect(200);
    const byStation = (await newCase(t.pinghu_station).expect(200)).body as DisputeResponse;
    await call(t.pinghu_community, 'get', `/admin/disputes/${byStation.id}`).expect(404);

    const required = await newCase(t.yushan_branch).expect(400);
    expect(required.body.code).toBe('DISPUTE_STATION_REQUIRED');
    const jfl = await ctx.org('MAS-HS-JFL');
    expect((await newCase(t.yushan_branch, { stationId: jfl.id }).expect(400)).body.code).toBe(
      'DISPUTE_STATION_REQUIRED',
    );
    const ph = await ctx.org('MAS-YS-PH');
    const byBranch = (await newCase(t.yushan_branch, { stationId: ph.id }).expect(200)).body as DisputeResponse;
    await call(t.pinghu_station, 'get', `/admin/disputes/${byBranch.id}`).expect(200);

    await newCase(t.pinghu_station, { type: 'gossip' }).expect(400);
    await newCase(t.pinghu_station, { parties: [] }).expect(400);
    await newCase(t.pinghu_station, { parties: [{ name: '王五', phone: '12345' }] }).expect(400);
  });

  it('every route is 404 for another station and branch, 403 for guards, the company manager and the administrator', async () => {
    const c = (await newCase(t.pinghu_station).expect(200)).body as DisputeResponse;
    const probes: ['get' | 'post', string, object?][] = [
      ['get', `/admin/disputes/${c.id}`],
      ['get', `/admin/disputes/${c.id}/mediator-candidates`],
      ['post', `/admin/disputes/${c.id}/mediator`, { volunteerId: ids.wangjianguo }],
      ['post', `/admin/disputes/${c.id}/steps`, { date: testToday(), text: '越权记录' }],
      ['post', `/admin/disputes/${c.id}/close`, { outcome: 'escalated', note: '越权结案' }],
    ];
    for (const who of ['yushan_station', 'huashan_branch']) {
      for (const [method, path, body] of probes) {
        const res = await call(t[who], method, path, body);
        expect([who, path, res.status]).toEqual([who, path, 404]);
      }
      const list = await call(t[who], 'get', '/admin/disputes?pageSize=100').expect(200);
      expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(c.id);
    }
    for (const who of ['zhangwei', 'company', 'admin']) {
      for (const [method, path, body] of [...probes, ['get', '/admin/disputes'] as ['get', string]]) {
        const res = await call(t[who], method, path, body);
        expect([who, path, res.status]).toEqual([who, path, 403]);
      }
      await call(t[who], 'post', '/admin/disputes/from-tip', {
        tipId: 1,
        type: 'other',
        parties: [{ name: '甲' }],
      }).expect(403);
    }
    // the chain above sees it
    for (const who of ['yushan_branch', 'city']) await call(t[who], 'get', `/admin/disputes/${c.id}`).expect(200);
    // nothing changed by the probes
    const now = (await call(t.pinghu_station, 'get', `/admin/disputes/${c.id}`).expect(200)).body as DisputeResponse;
    expect(now).toMatchObject({ status: 'open', mediator: null, steps: [], version: 1 });
  });

  it('two officers closing at the same moment: one wins, the other is told the case changed', async () => {
    const c = (await newCase(t.pinghu_station).expect(200)).body as DisputeResponse;
    const replies = await Promise.all([
      call(t.pinghu_station, 'post', `/admin/disputes/${c.id}/close`, { outcome: 'resolved', note: '化解了' }),
      call(t.yushan_branch, 'post', `/admin/disputes/${c.id}/close`, { outcome: 'escalated', note: '上交处理' }),
      call(t.city, 'post', `/admin/disputes/${c.id}/close`, { outcome: 'escalated', note: '上交处理' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const audits = await ctx.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'dispute.close' AND targetId = ?",
      [String(c.id)],
    );
    expect(Number(audits[0].n)).toBe(1);
  });
});
