import { In } from 'typeorm';
import type { GradeTipResponse } from '@jianghuai/shared';
import { Tip } from '../src/modules/tips/entities/tip.entity.js';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';

/**
 * Grading closed tips (docs/tips.md#grading): the grade's points through the ledger once, the monthly cap per
 * Shanghai calendar month, regrade and revoke by reversal, two officers at once, the chain only. Fixed clocks on both
 * sides of the Shanghai month boundary (2026-11-30T16:00Z is 12月1日 00:00 in Shanghai).
 */

let seq = 0;
const requestId = () => `grade-req-${Date.now().toString(36)}-${(seq++).toString(36)}`;

interface Helpers {
  ctx: TestContext;
  t: Record<string, string>;
}

function helpers(h: Helpers) {
  const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];
  const closedTip = async (volunteer: 'zhangwei' | 'lina'): Promise<number> => {
    const id = (
      await h.ctx
        .http()
        .post('/api/tips')
        .set(...bearer(h.t[volunteer]))
        .send({ clientRequestId: requestId(), category: 'fire_hazard', text: '楼道堆放大量杂物' })
        .expect(200)
    ).body.id as number;
    await h.ctx
      .http()
      .post(`/api/admin/tips/${id}/accept`)
      .set(...bearer(h.t.city))
      .expect(200);
    await h.ctx
      .http()
      .post(`/api/admin/tips/${id}/close`)
      .set(...bearer(h.t.city))
      .send({ result: '已清理' })
      .expect(200);
    return id;
  };
  const grade = (id: number, body: object, who = 'city') =>
    h.ctx
      .http()
      .post(`/api/admin/tips/${id}/grade`)
      .set(...bearer(h.t[who]))
      .send(body);
  const n = async (sql: string, params: unknown[]) => Number((await h.ctx.dataSource.query(sql, params))[0].n);
  const entries = (id: number) =>
    h.ctx.dataSource.query(
      "SELECT type, amount, reversalOfId, id FROM points_ledger_entries WHERE sourceType = 'tip' AND sourceId = ? ORDER BY id",
      [String(id)],
    ) as Promise<{ type: string; amount: number; reversalOfId: number | null; id: number }[]>;
  const userOf = async (name: 'zhangwei' | 'lina') =>
    Number(
      (
        await h.ctx.dataSource.query('SELECT userId FROM volunteers WHERE memberNo = ?', [
          name === 'zhangwei' ? 'MAS2026000001' : 'MAS2026000002',
        ])
      )[0].userId,
    );
  const told = (userId: number, template: string) =>
    n('SELECT COUNT(*) AS n FROM notifications WHERE userId = ? AND template = ?', [userId, template]);
  const setGradedAt = (ids: number[], at: string) =>
    h.ctx.dataSource.getRepository(Tip).update({ id: In(ids) }, { gradedAt: new Date(at) });
  return { closedTip, grade, n, entries, userOf, told, setGradedAt };
}

async function start(clock: string): Promise<Helpers> {
  const ctx = await createTestApp({ CLOCK_START: clock });
  const t: Record<string, string> = {};
  for (const name of ['city', 'pinghu_station', 'yushan_branch', 'yushan_station', 'admin'])
    t[name] = (await ctx.loginStaff(name)).accessToken;
  t.zhangwei = (await ctx.loginWechat('zhangwei')).accessToken;
  t.lina = (await ctx.loginWechat('lina')).accessToken;
  return { ctx, t };
}

describe(`tip grading in November (Shanghai 23:30 on 30 Nov) (${E2E_DB})`, () => {
  const h = {} as Helpers;
  let x: ReturnType<typeof helpers>;
  let firstTip: number;

  beforeAll(async () => {
    Object.assign(h, await start('2026-11-30T15:30:00.000Z'));
    x = helpers(h);
  });

  it('a closed tip is graded once: the grade’s points through the ledger, one 积分到账 message, audited', async () => {
    const me = await x.userOf('zhangwei');
    const open = (
      await h.ctx
        .http()
        .post('/api/tips')
        .set('Authorization', `Bearer ${h.t.zhangwei}`)
        .send({ clientRequestId: requestId(), category: 'dispute', text: '邻里纠纷' })
        .expect(200)
    ).body.id as number;
    expect((await x.grade(open, { grade: 'A' }).expect(409)).body.code).toBe('TIP_GRADE_NOT_CLOSED');
    firstTip = await x.closedTip('zhangwei');
    expect((await x.grade(firstTip, { grade: 'Z' }).expect(400)).body.code).toBe('TIP_GRADE_INVALID');
    await x.grade(firstTip, { grade: 'a' }).expect(400);
    await x.grade(firstTip, {}).expect(400);

    const credits0 = await x.told(me, 'points_credited');
    const results0 = await x.told(me, 'tip_result');
    const res = (await x.grade(firstTip, { grade: 'A' }).expect(200)).body as GradeTipResponse;
    expect(res).toMatchObject({ grade: 'A', gradePoints: 50, credited: 50, reversed: 0, capped: false });
    expect(res.monthPoints).toBe(50);
    expect(await x.entries(firstTip)).toEqual([expect.objectContaining({ type: 'tip', amount: 50 })]);
    expect(await x.told(me, 'points_credited')).toBe(credits0 + 1);
    expect(await x.told(me, 'tip_result')).toBe(results0); // the 积分到账 message is the only one
    // the same grade again changes nothing
    expect((await x.grade(firstTip, { grade: 'A' }).expect(409)).body.code).toBe('TIP_STATE_CHANGED');
    expect(await x.entries(firstTip)).toHaveLength(1);
    expect(
      await x.n("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'tip.grade' AND targetId = ?", [String(firstTip)]),
    ).toBe(1);
    const detail = (
      await h.ctx.http().get(`/api/admin/tips/${firstTip}`).set('Authorization', `Bearer ${h.t.city}`).expect(200)
    ).body;
    expect(detail).toMatchObject({ grade: 'A', gradePoints: 50, gradedAt: expect.stringMatching(/^2026-11-30T15:3/) });
    const events = detail.events.map((e: { action: string }) => e.action);
    expect(events[events.length - 1]).toBe('grade');
    // the guard's own view of the tip shows the reward, not the grade bookkeeping
    const mine = (
      await h.ctx.http().get(`/api/me/tips/${firstTip}`).set('Authorization', `Bearer ${h.t.zhangwei}`).expect(200)
    ).body;
    expect(mine.gradePoints).toBeUndefined();
    expect(mine.grade).toBeUndefined();
    expect(mine.rewardPoints).toBe(50);
    const before = (
      await h.ctx.http().get(`/api/me/tips/${open}`).set('Authorization', `Bearer ${h.t.zhangwei}`).expect(200)
    ).body;
    expect(before.rewardPoints).toBeNull();
  });

  it('a new grade reverses the old credit first; revoking gives it back; spent points become a debt', async () => {
    const me = await x.userOf('zhangwei');
    const balance = async () =>
      Number((await h.ctx.dataSource.query('SELECT balance FROM points_accounts WHERE userId = ?', [me]))[0].balance);
    const before = await balance();
    const b = (await x.grade(firstTip, { grade: 'B' }).expect(200)).body as GradeTipResponse;
    expect(b).toMatchObject({ grade: 'B', credited: 20, reversed: 50 });
    const rows = await x.entries(firstTip);
    expect(rows.map((r) => [r.type, r.amount])).toEqual([
      ['tip', 50],
      ['reversal', -50],
      ['tip', 20],
    ]);
    expect(rows[1].reversalOfId).toBe(rows[0].id);
    expect(await balance()).toBe(before - 30);

    const results0 = await x.told(me, 'tip_result');
    const revoked = (await x.grade(firstTip, { grade: null }).expect(200)).body as GradeTipResponse;
    expect(revoked).toMatchObject({ grade: null, credited: 0, reversed: 20 });
    expect(await balance()).toBe(before - 50);
    expect(await x.told(me, 'tip_result')).toBe(results0 + 1); // 评级已撤销，收回奖励积分 20
    expect((await x.grade(firstTip, { grade: null }).expect(409)).body.code).toBe('TIP_STATE_CHANGED');

    await x.grade(firstTip, { grade: 'A' }).expect(200);
    // the guard spent the points meanwhile: the revocation takes what is left and the rest is their debt
    await h.ctx.dataSource.query('UPDATE points_accounts SET balance = 10 WHERE userId = ?', [me]);
    const debt = async () =>
      Number((await h.ctx.dataSource.query('SELECT debt FROM points_accounts WHERE userId = ?', [me]))[0].debt);
    expect((await x.grade(firstTip, { grade: null }).expect(200)).body).toMatchObject({ grade: null, reversed: 50 });
    expect(await balance()).toBe(0);
    expect(await debt()).toBe(40);
    expect((await x.entries(firstTip)).at(-1)).toMatchObject({ type: 'reversal', amount: -10 });
    // the next grade's credit pays the debt first
    await x.grade(firstTip, { grade: 'C' }).expect(200);
    expect(await balance()).toBe(0);
    expect(await debt()).toBe(35);
  });

  it('the monthly cap: the third grade gets what is left (0), told so; last month’s grades do not count', async () => {
    const me = await x.userOf('lina');
    const [a, b, c] = [await x.closedTip('lina'), await x.closedTip('lina'), await x.closedTip('lina')];
    expect((await x.grade(a, { grade: 'A' }).expect(200)).body.credited).toBe(50);
    expect((await x.grade(b, { grade: 'B' }).expect(200)).body.credited).toBe(20);
    const credits0 = await x.told(me, 'points_credited');
    const partial = (await x.grade(c, { grade: 'A' }).expect(200)).body as GradeTipResponse;
    expect(partial).toMatchObject({ credited: 30, capped: true, monthPoints: 100, monthlyCap: 100 });
    expect(partial.message).toContain('上限');
    expect(await x.told(me, 'points_credited')).toBe(credits0 + 1);

    const d = await x.closedTip('lina');
    const results0 = await x.told(me, 'tip_result');
    const none = (await x.grade(d, { grade: 'C' }).expect(200)).body as GradeTipResponse;
    expect(none).toMatchObject({ grade: 'C', gradePoints: 5, credited: 0, capped: true, monthPoints: 100 });
    expect(await x.entries(d)).toEqual([]);
    expect(await x.told(me, 'points_credited')).toBe(credits0 + 1);
    expect(await x.told(me, 'tip_result')).toBe(results0 + 1); // 本月线索奖励积分已达上限
    // regrading within the month does not count the tip against itself
    expect((await x.grade(a, { grade: 'B' }).expect(200)).body).toMatchObject({ credited: 20, reversed: 50 });

    // a, b and c graded on 31 Oct 23:59 Shanghai (15:59Z) are October's: d's new grade has November to itself
    await x.setGradedAt([a, b, c], '2026-10-31T15:59:59.000Z');
    expect((await x.grade(d, { grade: 'A' }).expect(200)).body).toMatchObject({ credited: 50, monthPoints: 50 });
    // graded at 1 Nov 00:00 Shanghai (16:00Z Oct 31) they count for November again
    await x.setGradedAt([a, b], '2026-10-31T16:00:00.000Z');
    const e = await x.closedTip('lina');
    expect((await x.grade(e, { grade: 'A' }).expect(200)).body).toMatchObject({ credited: 10, monthPoints: 100 });
  });

  it('two officers grading one tip at once: one credit', async () => {
    const id = await x.closedTip('zhangwei');
    const [r1, r2] = await Promise.all([
      x.grade(id, { grade: 'A' }, 'pinghu_station'),
      x.grade(id, { grade: 'A' }, 'yushan_branch'),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect([r1.body.code, r2.body.code]).toContain('TIP_STATE_CHANGED');
    expect((await x.entries(id)).filter((r) => r.type === 'tip')).toHaveLength(1);
    expect(await x.n("SELECT COUNT(*) AS n FROM tip_events WHERE tipId = ? AND action = 'grade'", [id])).toBe(1);
  });

  it('out of the chain the tip does not exist (404); the submitter and the administrator may not grade (403)', async () => {
    const id = await x.closedTip('zhangwei');
    expect((await x.grade(id, { grade: 'A' }, 'yushan_station').expect(404)).body.code).toBeDefined();
    await x.grade(999_999, { grade: 'A' }).expect(404);
    await x.grade(id, { grade: 'A' }, 'zhangwei').expect(403);
    await x.grade(id, { grade: 'A' }, 'admin').expect(403);
    expect(await x.entries(id)).toEqual([]);
  });

  it('the grade table for the officer’s buttons: best first, with the monthly cap; not for a guard', async () => {
    const table = await h.ctx
      .http()
      .get('/api/admin/tips/grades')
      .set('Authorization', `Bearer ${h.t.pinghu_station}`)
      .expect(200);
    expect(table.body).toEqual({
      grades: [
        { grade: 'A', points: 50 },
        { grade: 'B', points: 20 },
        { grade: 'C', points: 5 },
      ],
      monthlyCap: 100,
    });
    await h.ctx.http().get('/api/admin/tips/grades').set('Authorization', `Bearer ${h.t.zhangwei}`).expect(403);
  });
});

describe(`tip grading in December (Shanghai 00:30 on 1 Dec) (${E2E_DB})`, () => {
  const h = {} as Helpers;
  let x: ReturnType<typeof helpers>;

  beforeAll(async () => {
    Object.assign(h, await start('2026-11-30T16:30:00.000Z'));
    x = helpers(h);
  });

  it('at 16:30Z on 30 Nov it is already December in Shanghai: November’s tip points no longer count', async () => {
    const [a, b, c] = [await x.closedTip('lina'), await x.closedTip('lina'), await x.closedTip('lina')];
    await x.grade(a, { grade: 'A' }).expect(200);
    await x.grade(b, { grade: 'A' }).expect(200);
    expect((await x.grade(c, { grade: 'C' }).expect(200)).body).toMatchObject({ credited: 0, capped: true });
    // a and b graded at 23:59 on 30 Nov Shanghai time belong to November
    await x.setGradedAt([a, b], '2026-11-30T15:59:59.000Z');
    expect((await x.grade(c, { grade: 'A' }).expect(200)).body).toMatchObject({ credited: 50, monthPoints: 50 });
    // at 00:00 on 1 Dec Shanghai time (16:00Z) a belongs to December
    await x.setGradedAt([a], '2026-11-30T16:00:00.000Z');
    const d = await x.closedTip('lina');
    expect((await x.grade(d, { grade: 'A' }).expect(200)).body).toMatchObject({ credited: 0, monthPoints: 100 });
  });

  it('three of one person’s tips graded at once never credit more than the month’s cap', async () => {
    const ids = [await x.closedTip('zhangwei'), await x.closedTip('zhangwei'), await x.closedTip('zhangwei')];
    const replies = await Promise.all(ids.map((id) => x.grade(id, { grade: 'A' })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const credited = replies.map((r) => (r.body as GradeTipResponse).credited).sort((a, b) => a - b);
    expect(credited).toEqual([0, 50, 50]);
    const total = await x.n(
      `SELECT COALESCE(SUM(amount), 0) AS n FROM points_ledger_entries WHERE sourceType = 'tip' AND sourceId IN (?, ?, ?)`,
      ids.map(String),
    );
    expect(total).toBe(100);
  });
});
