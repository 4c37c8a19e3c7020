import sharp from 'sharp';
import { In } from 'typeorm';
import { businessDate, type AdminTipResponse, type MyTipResponse, type TipMessageResponse } from '@jianghuai/shared';
import { Tip } from '../src/modules/tips/entities/tip.entity.js';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { testToday } from './support/test-clock.js';

/** Tips (docs/product.md#tips): submit, the responsible chain only, masked submitter, the flow, escalation. */

const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
const photo = (background: string) =>
  sharp({ create: { width: 320, height: 240, channels: 3, background } })
    .jpeg()
    .toBuffer();
let seq = 0;
const requestId = () => `tip-req-${Date.now().toString(36)}-${(seq++).toString(36)}`;

describe(`tips (${E2E_DB})`, () => {
  let ctx: TestContext;
  const t: Record<string, string> = {};

  const upload = async (token: string, purpose = 'tip_photo', color = '#2a6') =>
    (
      await ctx
        .http()
        .post('/api/files')
        .set(...bearer(token))
        .field('purpose', purpose)
        .attach('file', await photo(color), { filename: 'p.jpg', contentType: 'image/jpeg' })
        .expect(201)
    ).body.id as string;
  const submit = (token: string, body: Record<string, unknown>) =>
    ctx
      .http()
      .post('/api/tips')
      .set(...bearer(token))
      .send({
        clientRequestId: requestId(),
        category: 'suspicious_person',
        text: '小区门口有陌生人反复查看车辆',
        ...body,
      });
  const staff = (token: string, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const url = `/api/admin/tips${path}`;
    const req = (method === 'get' ? http.get(url) : http.post(url)).set(...bearer(token));
    return body ? req.send(body) : req;
  };
  const count = async (sql: string, params: unknown[]) => Number((await ctx.dataSource.query(sql, params))[0].n);
  const userId = async (username: string) =>
    Number((await ctx.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const name of [
      'pinghu_station',
      'yushan_station',
      'yushan_branch',
      'huashan_branch',
      'city',
      'admin',
      'pinghu_community',
    ])
      t[name] = (await ctx.loginStaff(name)).accessToken;
    t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken; // volunteer of 平湖派出所 (雨山分局)
    t.lina = (await ctx.loginWechat('lina')).accessToken; // volunteer of 解放路派出所 (花山分局)
  });

  it('a volunteer submits a tip with two photos to their station; another person’s photo is refused', async () => {
    const p1 = await upload(t.zhangwei, 'tip_photo', '#111');
    const p2 = await upload(t.zhangwei, 'tip_photo', '#222');
    const res = await submit(t.zhangwei, {
      urgency: 'urgent',
      photoIds: [p1, p2],
      place: { address: '平湖小区东门', lat: 31.66, lng: 118.5 },
    }).expect(200);
    const tip = res.body as MyTipResponse;
    expect(tip).toMatchObject({
      status: 'submitted',
      urgency: 'urgent',
      stationName: '平湖派出所',
      address: '平湖小区东门',
    });
    expect(tip.photos.map((p) => p.fileId)).toEqual([p1, p2]);
    expect(Math.abs(new Date(tip.occurredAt).getTime() - ctx.clock.nowMs())).toBeLessThan(60_000);

    const foreign = await upload(t.lina);
    const refused = await submit(t.zhangwei, { photoIds: [foreign] }).expect(400);
    expect(refused.body.code).toBe('TIP_PHOTO_INVALID');
    const personal = await upload(t.zhangwei, 'personal');
    expect((await submit(t.zhangwei, { photoIds: [personal] }).expect(400)).body.code).toBe('TIP_PHOTO_INVALID');
    // a photo already on a tip cannot go onto another one
    expect((await submit(t.zhangwei, { photoIds: [p1] }).expect(400)).body.code).toBe('TIP_PHOTO_INVALID');
    // the refused submits left nothing behind: the other person's photo is still free for its owner
    await submit(t.lina, { photoIds: [foreign] }).expect(200);

    // staff and people without a volunteer record cannot submit; bad input is a 400
    expect((await submit(t.pinghu_station, {}).expect(403)).body.code).toBe('TIP_NOT_VOLUNTEER');
    await submit(t.zhangwei, { category: 'gossip' }).expect(400);
    await submit(t.zhangwei, { photoIds: Array.from({ length: 10 }, () => 'a'.repeat(32)) }).expect(400);
    const future = new Date(ctx.clock.nowMs() + 3_600_000).toISOString();
    expect((await submit(t.zhangwei, { occurredAt: future }).expect(400)).body.code).toBe('TIP_OCCURRED_IN_FUTURE');
  });

  it('the same request sent several times at once gives one tip', async () => {
    const clientRequestId = requestId();
    const p = await upload(t.zhangwei);
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => submit(t.zhangwei, { clientRequestId, photoIds: [p] })),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.every((r) => r.body.photos.length === 1)).toBe(true);
    expect(await count('SELECT COUNT(*) AS n FROM tips WHERE clientRequestId = ?', [clientRequestId])).toBe(1);
    // and once more later: still the same tip
    const later = await submit(t.zhangwei, { clientRequestId, photoIds: [p] }).expect(200);
    expect(later.body.id).toBe(replies[0].body.id);
  });

  it('only the responsible chain sees a tip: another station, another branch, the submitter on staff routes get 404/403', async () => {
    const p = await upload(t.zhangwei);
    const tip = (await submit(t.zhangwei, { photoIds: [p] }).expect(200)).body as MyTipResponse;
    const id = tip.id;
    for (const who of ['pinghu_station', 'yushan_branch', 'city']) {
      await staff(t[who], 'get', `/${id}`).expect(200);
      const list = await staff(t[who], 'get', '?pageSize=100').expect(200);
      expect(list.body.items.map((x: { id: number }) => x.id)).toContain(id);
    }
    const probes: ['get' | 'post', string, object?][] = [
      ['get', `/${id}`],
      ['post', `/${id}/accept`],
      ['post', `/${id}/assign`, { orgUnitId: (await ctx.org('MAS-YS-PH')).id }],
      ['post', `/${id}/start`],
      ['post', `/${id}/close`, { result: '已处理完毕' }],
      ['post', `/${id}/reject`, { reason: '信息不足' }],
      ['post', `/${id}/duplicate`, { originalId: id }],
      ['post', `/${id}/reveal-submitter`],
      ['get', `/${id}/messages`],
      ['post', `/${id}/messages`, { text: '你好' }],
    ];
    for (const who of ['yushan_station', 'huashan_branch', 'pinghu_community']) {
      for (const [method, path, body] of probes) {
        const res = await staff(t[who], method, path, body);
        expect([who, method, path, res.status]).toEqual([who, method, path, 404]);
      }
      const list = await staff(t[who], 'get', '?pageSize=100').expect(200);
      expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(id);
    }
    // the submitter and the system administrator have no staff access to tips at all
    for (const who of ['zhangwei', 'admin']) {
      for (const [method, path, body] of probes) expect((await staff(t[who], method, path, body)).status).toBe(403);
      await staff(t[who], 'get', '').expect(403);
    }
    // another volunteer cannot read it, nor its thread
    await ctx
      .http()
      .get(`/api/me/tips/${id}`)
      .set(...bearer(t.lina))
      .expect(404);
    await ctx
      .http()
      .get(`/api/me/tips/${id}/messages`)
      .set(...bearer(t.lina))
      .expect(404);
    await ctx
      .http()
      .post(`/api/me/tips/${id}/messages`)
      .set(...bearer(t.lina))
      .send({ text: '看看' })
      .expect(404);
    expect(
      (
        await ctx
          .http()
          .get('/api/me/tips')
          .set(...bearer(t.lina))
          .expect(200)
      ).body.items.map((x: { id: number }) => x.id),
    ).not.toContain(id);

    // photos: the submitter and the chain read them; everyone else 404
    const url = tip.photos[0].url;
    for (const who of ['zhangwei', 'pinghu_station', 'yushan_branch'])
      await ctx
        .http()
        .get(url)
        .set(...bearer(t[who]))
        .expect(200);
    for (const who of ['lina', 'yushan_station', 'huashan_branch', 'admin'])
      await ctx
        .http()
        .get(url)
        .set(...bearer(t[who]))
        .expect(404);
  });

  it('staff see the submitter masked; the full identity only through an audited reveal', async () => {
    const { id } = (await submit(t.zhangwei, {}).expect(200)).body as MyTipResponse;
    const detail = (await staff(t.yushan_branch, 'get', `/${id}`).expect(200)).body as AdminTipResponse;
    expect(detail.submitter).toBe('张* · MAS2026000001');
    expect(JSON.stringify(detail)).not.toContain('张伟');
    expect(JSON.stringify(detail)).not.toContain('13905551001');
    const list = await staff(t.pinghu_station, 'get', '?pageSize=100').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('张伟');

    const before = await count(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'tip.reveal_submitter' AND targetId = ?",
      [String(id)],
    );
    const revealed = await staff(t.pinghu_station, 'post', `/${id}/reveal-submitter`).expect(200);
    expect(revealed.body).toEqual({ name: '张伟', phone: '13905551001', memberNo: 'MAS2026000001' });
    const logs = await ctx.dataSource.query(
      "SELECT actorId, after FROM audit_logs WHERE action = 'tip.reveal_submitter' AND targetId = ?",
      [String(id)],
    );
    expect(logs.length).toBe(before + 1);
    expect(Number(logs[0].actorId)).toBe(await userId('pinghu_station'));
    expect(String(logs[0].after)).not.toContain('13905551001');
  });

  it('the whole flow: accept, assign within the chain, start, close with a public result; messages; reject; duplicate', async () => {
    const { id } = (await submit(t.zhangwei, {}).expect(200)).body as MyTipResponse;
    const zhangweiId = Number(
      (await ctx.dataSource.query('SELECT userId FROM volunteers WHERE memberNo = ?', ['MAS2026000001']))[0].userId,
    );
    const told = () =>
      count("SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND template = 'tip_result'", [zhangweiId]);
    const told0 = await told();

    // close before accept is refused
    expect((await staff(t.pinghu_station, 'post', `/${id}/close`, { result: '已办结' }).expect(409)).body.code).toBe(
      'TIP_STATE_CHANGED',
    );
    const accepted = (await staff(t.pinghu_station, 'post', `/${id}/accept`).expect(200)).body as AdminTipResponse;
    expect(accepted.status).toBe('accepted');
    expect(accepted.acceptedAt).not.toBeNull();
    expect(await told()).toBe(told0 + 1);

    // assignment: a unit outside the chain is refused; the station's community is in it and then sees the tip
    const otherStation = await ctx.org('MAS-YS-YS');
    expect(
      (await staff(t.pinghu_station, 'post', `/${id}/assign`, { orgUnitId: otherStation.id }).expect(400)).body.code,
    ).toBe('TIP_ASSIGNEE_INVALID');
    expect(
      (await staff(t.pinghu_station, 'post', `/${id}/assign`, { userId: await userId('yushan_station') }).expect(400))
        .body.code,
    ).toBe('TIP_ASSIGNEE_INVALID');
    const communityUnit = Number(
      (await ctx.dataSource.query('SELECT orgUnitId FROM users WHERE username = ?', ['pinghu_community']))[0].orgUnitId,
    );
    const assigned = (
      await staff(t.pinghu_station, 'post', `/${id}/assign`, { userId: await userId('pinghu_community') }).expect(200)
    ).body as AdminTipResponse;
    expect(assigned).toMatchObject({ status: 'assigned', assignedOrgUnitId: communityUnit });
    await staff(t.pinghu_community, 'get', `/${id}`).expect(200);
    // the community officer may not reveal personal data
    await staff(t.pinghu_community, 'post', `/${id}/reveal-submitter`).expect(403);
    await staff(t.pinghu_community, 'post', `/${id}/start`).expect(200);

    // messages: the handler writes, a colleague adds an internal note, the submitter answers
    await staff(t.pinghu_community, 'post', `/${id}/messages`, { text: '请问车牌号记得吗？' }).expect(200);
    await staff(t.pinghu_station, 'post', `/${id}/messages`, { text: '内部：已调取监控', internal: true }).expect(200);
    // the reply reaches the submitter in the app as from 民警 (never the officer's name); the internal note does not
    expect(await told()).toBe(told0 + 2);
    const [reply] = await ctx.dataSource.query(
      "SELECT title, body FROM notifications WHERE userId = ? AND template = 'tip_result' ORDER BY id DESC LIMIT 1",
      [zhangweiId],
    );
    expect(reply.title).toBe('民警回复了您的线索');
    expect(reply.body).toContain('请问车牌号记得吗？');
    expect(reply.body).not.toContain('吴');
    await ctx
      .http()
      .post(`/api/me/tips/${id}/messages`)
      .set(...bearer(t.zhangwei))
      .send({ text: '皖E12345', internal: true })
      .expect(400);
    await ctx
      .http()
      .post(`/api/me/tips/${id}/messages`)
      .set(...bearer(t.zhangwei))
      .send({ text: '皖E12345' })
      .expect(200);
    const mine = (
      await ctx
        .http()
        .get(`/api/me/tips/${id}/messages`)
        .set(...bearer(t.zhangwei))
        .expect(200)
    ).body as TipMessageResponse[];
    expect(mine.map((m) => [m.author, m.text])).toEqual([
      ['民警', '请问车牌号记得吗？'],
      ['我', '皖E12345'],
    ]);
    expect(JSON.stringify(mine)).not.toContain('内部');
    const theirs = (await staff(t.pinghu_station, 'get', `/${id}/messages`).expect(200)).body as TipMessageResponse[];
    expect(theirs.map((m) => [m.author, m.internal])).toEqual([
      ['吴社区民警', false],
      [expect.any(String), true],
      ['张* · MAS2026000001', false],
    ]);

    const closed = (
      await staff(t.pinghu_community, 'post', `/${id}/close`, { result: '经核查为外来务工人员，已登记' }).expect(200)
    ).body;
    expect(closed).toMatchObject({ status: 'closed', result: '经核查为外来务工人员，已登记' });
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'assign',
      'start',
      'close',
    ]);
    expect(await told()).toBe(told0 + 3);
    const seen = (
      await ctx
        .http()
        .get(`/api/me/tips/${id}`)
        .set(...bearer(t.zhangwei))
        .expect(200)
    ).body;
    expect(seen).toMatchObject({ status: 'closed', result: '经核查为外来务工人员，已登记' });
    expect(seen).not.toHaveProperty('assignedUserId');
    expect(seen).not.toHaveProperty('submitter');
    const audits = await count("SELECT COUNT(*) AS n FROM audit_logs WHERE targetType = 'tip' AND targetId = ?", [
      String(id),
    ]);
    expect(audits).toBe(4);

    // reject with a reason
    const r = (await submit(t.zhangwei, {}).expect(200)).body.id as number;
    await staff(t.yushan_branch, 'post', `/${r}/reject`, { reason: '' }).expect(400);
    const rejected = (
      await staff(t.yushan_branch, 'post', `/${r}/reject`, { reason: '内容不具体，无法核查' }).expect(200)
    ).body;
    expect(rejected.status).toBe('rejected');
    expect(
      (
        await ctx
          .http()
          .get(`/api/me/tips/${r}`)
          .set(...bearer(t.zhangwei))
      ).body.rejectReason,
    ).toBe('内容不具体，无法核查');
    expect(await told()).toBe(told0 + 4);

    // duplicate: linked to an original of the same station; another station's tip or itself is refused
    const d = (await submit(t.zhangwei, {}).expect(200)).body.id as number;
    const elsewhere = (await submit(t.lina, {}).expect(200)).body.id as number;
    expect((await staff(t.city, 'post', `/${d}/duplicate`, { originalId: elsewhere }).expect(400)).body.code).toBe(
      'TIP_DUPLICATE_INVALID',
    );
    expect((await staff(t.city, 'post', `/${d}/duplicate`, { originalId: d }).expect(400)).body.code).toBe(
      'TIP_DUPLICATE_INVALID',
    );
    const dup = (await staff(t.city, 'post', `/${d}/duplicate`, { originalId: id }).expect(200)).body;
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOfId: id });
    expect(await told()).toBe(told0 + 5);

    // filters
    const filtered = await staff(t.yushan_branch, 'get', `?status=rejected&pageSize=100`).expect(200);
    expect(filtered.body.items.map((x: { id: number }) => x.id)).toEqual([r]);
    const day = (
      await ctx
        .http()
        .get(`/api/me/tips/${r}`)
        .set(...bearer(t.zhangwei))
    ).body.createdAt as string;
    const shanghai = businessDate(new Date(day));
    const byDay = await staff(t.yushan_branch, 'get', `?from=${shanghai}&to=${shanghai}&status=rejected`).expect(200);
    expect(byDay.body.total).toBe(1);
    await staff(t.yushan_branch, 'get', `?status=lost`).expect(400);
  });

  it('two officers accepting at once: one wins, the other is told the tip changed', async () => {
    const { id } = (await submit(t.zhangwei, {}).expect(200)).body as MyTipResponse;
    const [a, b] = await Promise.all([
      staff(t.pinghu_station, 'post', `/${id}/accept`),
      staff(t.yushan_branch, 'post', `/${id}/accept`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.body.code, b.body.code]).toContain('TIP_STATE_CHANGED');
    expect(await count("SELECT COUNT(*) AS n FROM tip_events WHERE tipId = ? AND action = 'accept'", [id])).toBe(1);
  });
});

/** Escalation on both sides of 16:00 UTC (midnight in Shanghai), each at its own fixed clock. */
describe.each(['15:58:00', '16:04:00'])(`tip escalation at %s UTC (${E2E_DB})`, (time) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp({
      CLOCK_START: `${testToday()}T${time}.000Z`,
      TIP_URGENT_SLA_MINUTES: '10',
    });
  });

  it('urgent tips past the SLA reach the branch once; fresh and normal ones do not', async () => {
    const token = (await ctx.loginWechat('zhangwei')).accessToken;
    const admin = (await ctx.loginStaff('admin')).accessToken;
    const send = async (urgency: string) =>
      (
        await ctx
          .http()
          .post('/api/tips')
          .set('Authorization', `Bearer ${token}`)
          .send({ clientRequestId: requestId(), category: 'fire_hazard', text: '楼道堆放大量杂物', urgency })
          .expect(200)
      ).body.id as number;
    const [late, fresh, normal] = [await send('urgent'), await send('urgent'), await send('normal')];
    const tips = ctx.dataSource.getRepository(Tip);
    const now = ctx.clock.nowMs();
    await tips.update(late, { createdAt: new Date(now - 11 * 60_000) });
    await tips.update(fresh, { createdAt: new Date(now - 9 * 60_000) });
    await tips.update(normal, { createdAt: new Date(now - 60 * 60_000) });

    const run = () => ctx.http().post('/api/admin/jobs/tip-escalation/run').set('Authorization', `Bearer ${admin}`);
    const first = await run().expect(200);
    expect(first.body).toMatchObject({ ran: true, result: { escalated: 1, notified: 1 } });
    const rows = await tips.findBy({ id: In([late, fresh, normal]) });
    const escalated = Object.fromEntries(rows.map((r) => [r.id, r.escalatedAt !== null]));
    expect(escalated).toEqual({ [late]: true, [fresh]: false, [normal]: false });

    const branchUser = Number(
      (await ctx.dataSource.query('SELECT id FROM users WHERE username = ?', ['yushan_branch']))[0].id,
    );
    const stationUser = Number(
      (await ctx.dataSource.query('SELECT id FROM users WHERE username = ?', ['pinghu_station']))[0].id,
    );
    const messages = (u: number) =>
      ctx.dataSource
        .query("SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND template = 'tip_escalated'", [u])
        .then((r: { n: number | string }[]) => Number(r[0].n));
    expect(await messages(branchUser)).toBe(1);
    expect(await messages(stationUser)).toBe(0);

    // a second run tells nobody again
    const second = await run().expect(200);
    expect(second.body.result).toMatchObject({ escalated: 0, notified: 0 });
    expect(await messages(branchUser)).toBe(1);
    // the branch sees the escalation on the tip
    const branch = (await ctx.loginStaff('yushan_branch')).accessToken;
    const detail = await ctx.http().get(`/api/admin/tips/${late}`).set('Authorization', `Bearer ${branch}`).expect(200);
    expect(detail.body.escalatedAt).not.toBeNull();
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'escalate']);
  });
});
