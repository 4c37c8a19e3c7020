import sharp from 'sharp';
import { Team } from '../src/modules/teams/team.entity.js';
import { PointsLedgerEntry } from '../src/modules/points/entities/points-ledger-entry.entity.js';
import { CallupRecipient } from '../src/modules/callups/entities/callup-recipient.entity.js';
import { bearer, createTestApp, E2E_DB, type TestContext } from './support/test-app.js';
import { createVolunteers, PINGHU, type TestVolunteer } from './support/activity-factories.js';
import { insertCallup, type CallupFixture } from './support/callup-factories.js';

/**
 * A guard's side of a call-up (docs/callups.md#answers-arrival-and-feedback): answer once before the deadline, arrive
 * by location or the rotating QR after accepting, one report after arriving (摸排: every item), points once.
 */
describe(`call-up answers, arrival and feedback (${E2E_DB})`, () => {
  let ctx: TestContext;
  const staff: Record<string, string> = {};
  const photo = () =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: '#36a' } })
      .jpeg()
      .toBuffer();

  beforeAll(async () => {
    ctx = await createTestApp();
    for (const u of ['pinghu_station', 'yushan_station', 'yushan_branch'])
      staff[u] = (await ctx.loginStaff(u)).accessToken;
  });
  afterAll(() => ctx?.close());

  const guard = (v: TestVolunteer, method: 'get' | 'post', path: string, body?: object) => {
    const http = ctx.http();
    const req = (method === 'get' ? http.get(`/api${path}`) : http.post(`/api${path}`)).set(...bearer(v.token));
    return body ? req.send(body) : req;
  };
  const officer = (who: string, path: string) =>
    ctx
      .http()
      .get(`/api/admin${path}`)
      .set(...bearer(staff[who]));
  const callupFor = async (n: number, f: CallupFixture = {}) => {
    const vs = await createVolunteers(ctx, n);
    const { callup, recipients } = await insertCallup(ctx, vs, f);
    return { vs, callup, recipients };
  };
  const near = { lat: PINGHU.lat + 0.001, lng: PINGHU.lng }; // about 111 m north
  const ledgerOf = (recipientId: number) =>
    ctx.dataSource.getRepository(PointsLedgerEntry).findBy({ idempotencyKey: `callup-report:${recipientId}` });

  it('answers in order: arrival before accepting and a report before arriving are refused; one answer only', async () => {
    const { vs, callup } = await callupFor(2);
    const [a, b] = vs;
    const early = await guard(a, 'post', `/callups/${callup.id}/arrive`, near).expect(409);
    expect(early.body.code).toBe('CALLUP_NOT_ACCEPTED');
    expect((await guard(a, 'post', `/callups/${callup.id}/report`, { text: '到了' }).expect(409)).body.code).toBe(
      'CALLUP_NOT_ARRIVED',
    );
    const before = ctx.clock.nowMs();
    const accepted = await guard(a, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    expect(accepted.body).toMatchObject({ id: callup.id, myStatus: 'accepted', declinedAt: null });
    const acceptedAt = Date.parse(accepted.body.acceptedAt);
    expect(acceptedAt).toBeGreaterThanOrEqual(before);
    expect(acceptedAt).toBeLessThanOrEqual(ctx.clock.nowMs());
    const again = await guard(a, 'post', `/callups/${callup.id}/answer`, { answer: 'decline' }).expect(409);
    expect(again.body.code).toBe('CALLUP_ALREADY_ANSWERED');
    expect((await guard(a, 'post', `/callups/${callup.id}/report`, { text: '到了' }).expect(409)).body.code).toBe(
      'CALLUP_NOT_ARRIVED',
    );

    const declined = await guard(b, 'post', `/callups/${callup.id}/answer`, {
      answer: 'decline',
      reason: '  在外地  ',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ myStatus: 'declined', declineReason: '在外地', acceptedAt: null });
    expect((await guard(b, 'post', `/callups/${callup.id}/arrive`, near).expect(409)).body.code).toBe(
      'CALLUP_NOT_ACCEPTED',
    );
    // bad answers are 400, never 500
    await guard(a, 'post', `/callups/${callup.id}/answer`, { answer: 'maybe' }).expect(400);
    await guard(b, 'post', `/callups/${callup.id}/answer`, { answer: 'decline', reason: 'x'.repeat(201) }).expect(400);
  });

  it('refuses answers after the deadline and once the call-up is closed', async () => {
    const past = await callupFor(1, {
      createdAt: new Date(ctx.clock.nowMs() - 3 * 3600_000),
      deadlineAt: new Date(ctx.clock.nowMs() - 60_000),
    });
    const late = await guard(past.vs[0], 'post', `/callups/${past.callup.id}/answer`, { answer: 'accept' }).expect(409);
    expect(late.body.code).toBe('CALLUP_DEADLINE_PASSED');
    const closed = await callupFor(1, { status: 'closed' });
    const shut = await guard(closed.vs[0], 'post', `/callups/${closed.callup.id}/answer`, { answer: 'accept' });
    expect(shut.status).toBe(409);
    expect(shut.body.code).toBe('CALLUP_CLOSED');
    const row = await ctx.dataSource.getRepository(CallupRecipient).findOneByOrFail({ userId: closed.vs[0].userId });
    expect(row.status).toBe('asked');
  });

  it('arrives by location within the rally radius; too far is 422 with the distance', async () => {
    const { vs, callup } = await callupFor(1, { rallyRadiusM: 300 });
    await guard(vs[0], 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    const far = await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, {
      lat: PINGHU.lat + 0.01,
      lng: PINGHU.lng,
    }).expect(422);
    expect(far.body.code).toBe('CALLUP_TOO_FAR');
    expect(far.body.details).toMatchObject({ radiusM: 300 });
    expect(far.body.details.distanceM).toBeGreaterThan(1000);
    expect(far.body.details.distanceM).toBeLessThan(1200);
    await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, {}).expect(400);
    await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, { lat: 91, lng: 0 }).expect(400);
    const ok = await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, near).expect(200);
    expect(ok.body).toMatchObject({ myStatus: 'arrived', arrivedBy: 'location' });
    const twice = await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, near).expect(409);
    expect(twice.body.code).toBe('CALLUP_ALREADY_ARRIVED');
  });

  it("arrives with the officer's rotating QR; another station's officer gets 404, a forged or foreign code 422", async () => {
    const { vs, callup } = await callupFor(2);
    const other = await callupFor(1);
    for (const v of vs) await guard(v, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    const qr = await officer('pinghu_station', `/callups/${callup.id}/qr`).expect(200);
    expect(qr.body).toMatchObject({ slotSeconds: 30 });
    expect(typeof qr.body.token).toBe('string');
    await officer('yushan_station', `/callups/${callup.id}/qr`).expect(404);
    await officer('yushan_branch', `/callups/${callup.id}/qr`).expect(200);
    const foreign = (await officer('pinghu_station', `/callups/${other.callup.id}/qr`).expect(200)).body.token;
    const wrong = await guard(vs[1], 'post', `/callups/${callup.id}/arrive`, { token: foreign }).expect(422);
    expect(wrong.body.code).toBe('CALLUP_QR_INVALID');
    const forged = `${(qr.body.token as string).slice(0, -4)}AAAA`;
    await guard(vs[1], 'post', `/callups/${callup.id}/arrive`, { token: forged }).expect(422);
    const ok = await guard(vs[0], 'post', `/callups/${callup.id}/arrive`, { token: qr.body.token }).expect(200);
    expect(ok.body).toMatchObject({ myStatus: 'arrived', arrivedBy: 'qr' });
  });

  it('a leader of the targeted team shows the QR on their phone; other guards get 404', async () => {
    const [leader, member] = await createVolunteers(ctx, 2);
    const station = await ctx.org('MAS-YS-PH');
    const now = ctx.clock.now();
    const team = await ctx.dataSource.getRepository(Team).save(
      ctx.dataSource.getRepository(Team).create({
        name: '平湖应急队',
        kind: 'emergency_response',
        stationId: station.id,
        stationPath: station.path,
        communityId: null,
        areaText: null,
        leaderVolunteerId: leader.volunteerId,
        duties: null,
        rules: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const { callup } = await insertCallup(ctx, [leader, member], { teamId: team.id });
    const plain = await callupFor(1);
    const shown = await guard(leader, 'get', `/callups/${callup.id}`).expect(200);
    expect(shown.body.canShowQr).toBe(true);
    expect((await guard(member, 'get', `/callups/${callup.id}`).expect(200)).body.canShowQr).toBe(false);
    await guard(member, 'get', `/callups/${callup.id}/qr`).expect(404);
    await guard(leader, 'get', `/callups/${plain.callup.id}/qr`).expect(404);
    const qr = await guard(leader, 'get', `/callups/${callup.id}/qr`).expect(200);
    await guard(member, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    const arrived = await guard(member, 'post', `/callups/${callup.id}/arrive`, { token: qr.body.token }).expect(200);
    expect(arrived.body.arrivedBy).toBe('qr');
  });

  it('摸排: the report needs one result for every item, no unknown or repeated item; then points once', async () => {
    const items = [
      { id: 1, label: '平湖小区 3 号楼出租屋' },
      { id: 2, label: '湖东路五金店' },
    ];
    const { vs, callup, recipients } = await callupFor(1, { kind: 'verification', items });
    const v = vs[0];
    const detail = await guard(v, 'get', `/callups/${callup.id}`).expect(200);
    expect(detail.body).toMatchObject({ kind: 'verification', items, myStatus: 'asked', pointsAwarded: 0 });
    await guard(v, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    await guard(v, 'post', `/callups/${callup.id}/arrive`, near).expect(200);
    const missing = await guard(v, 'post', `/callups/${callup.id}/report`, {
      text: '已摸排',
      items: [{ itemId: 1, result: 'found' }],
    }).expect(400);
    expect(missing.body).toMatchObject({ code: 'CALLUP_REPORT_ITEMS_INVALID', details: { missing: [2] } });
    for (const bad of [
      [
        { itemId: 1, result: 'found' },
        { itemId: 3, result: 'found' },
      ],
      [
        { itemId: 1, result: 'found' },
        { itemId: 1, result: 'changed' },
        { itemId: 2, result: 'found' },
      ],
    ])
      expect((await guard(v, 'post', `/callups/${callup.id}/report`, { text: '已摸排', items: bad })).body.code).toBe(
        'CALLUP_REPORT_ITEMS_INVALID',
      );
    await guard(v, 'post', `/callups/${callup.id}/report`, {
      text: '已摸排',
      items: [
        { itemId: 1, result: 'lost' },
        { itemId: 2, result: 'found' },
      ],
    }).expect(400);
    await guard(v, 'post', `/callups/${callup.id}/report`, { text: '   ', items: [] }).expect(400);
    const filed = await guard(v, 'post', `/callups/${callup.id}/report`, {
      text: '两处均已摸排',
      items: [
        { itemId: 1, result: 'changed', note: '已搬走' },
        { itemId: 2, result: 'not_found' },
      ],
    }).expect(200);
    expect(filed.body).toMatchObject({
      myStatus: 'reported',
      reportText: '两处均已摸排',
      pointsAwarded: 10,
      reportItems: [
        { itemId: 1, result: 'changed', note: '已搬走' },
        { itemId: 2, result: 'not_found' },
      ],
    });
    const twice = await guard(v, 'post', `/callups/${callup.id}/report`, {
      text: '再报一次',
      items: [
        { itemId: 1, result: 'found' },
        { itemId: 2, result: 'found' },
      ],
    }).expect(409);
    expect(twice.body.code).toBe('CALLUP_ALREADY_REPORTED');
    const entries = await ledgerOf(recipients[0].id);
    expect(entries.map((e) => [e.type, e.amount, e.userId])).toEqual([['callup', 10, v.userId]]);
  });

  it('war-time: the detail carries the banner while the state lasts; the points are doubled', async () => {
    const { vs, callup, recipients } = await callupFor(1, { mode: 'wartime' });
    const v = vs[0];
    const branch = (await ctx.loginStaff('yushan_branch')).accessToken;
    const declared = await ctx
      .http()
      .post('/api/admin/wartime')
      .set(...bearer(branch))
      .send({
        areaId: (await ctx.org('MAS-YS-PH')).id,
        startsAt: new Date(ctx.clock.nowMs() - 60_000).toISOString(),
        endsAt: new Date(ctx.clock.nowMs() + 3600_000).toISOString(),
        reason: '防汛抢险',
      })
      .expect(200);
    try {
      const shown = await guard(v, 'get', `/callups/${callup.id}`).expect(200);
      expect(shown.body.wartime).toMatchObject({
        id: declared.body.id,
        areaName: '平湖派出所',
        leadUnitName: '雨山分局',
        reason: '防汛抢险',
      });
    } finally {
      // ended at once: other suites on this database send call-ups into 平湖 as its station
      await ctx
        .http()
        .post(`/api/admin/wartime/${declared.body.id}/end`)
        .set(...bearer(branch))
        .send({ reason: '险情解除' })
        .expect(200);
    }
    expect((await guard(v, 'get', `/callups/${callup.id}`).expect(200)).body.wartime).toBeNull();
    await guard(v, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    await guard(v, 'post', `/callups/${callup.id}/arrive`, near).expect(200);
    await guard(v, 'post', `/callups/${callup.id}/report`, {
      text: '到岗',
      items: [{ itemId: 1, result: 'found' }],
    }).expect(400);
    const filed = await guard(v, 'post', `/callups/${callup.id}/report`, { text: '到岗，已完成' }).expect(200);
    expect(filed.body.pointsAwarded).toBe(20);
    const plain = await callupFor(1);
    expect((await guard(plain.vs[0], 'get', `/callups/${plain.callup.id}`).expect(200)).body.wartime).toBeNull();
    expect((await ledgerOf(recipients[0].id)).map((e) => e.amount)).toEqual([20]);
  });

  it('10 simultaneous reports of one guard: one is filed, nine are refused, the points are credited once', async () => {
    const { vs, callup, recipients } = await callupFor(1);
    const v = vs[0];
    await guard(v, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    await guard(v, 'post', `/callups/${callup.id}/arrive`, near).expect(200);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => guard(v, 'post', `/callups/${callup.id}/report`, { text: `到岗 ${i}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'CALLUP_ALREADY_REPORTED')).toBe(true);
    expect((await ledgerOf(recipients[0].id)).map((e) => e.amount)).toEqual([10]);
    const row = await ctx.dataSource.getRepository(CallupRecipient).findOneByOrFail({ id: recipients[0].id });
    expect(row.pointsAwarded).toBe(10);
  }, 60_000);

  it("report photos: the reporter's own callup_photo uploads, read by them and by staff over the call-up only", async () => {
    const { vs, callup } = await callupFor(2);
    const [v, peer] = vs;
    const upload = async (who: TestVolunteer, purpose = 'callup_photo') =>
      (
        await ctx
          .http()
          .post('/api/files')
          .set(...bearer(who.token))
          .field('purpose', purpose)
          .attach('file', await photo(), { filename: 'p.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body.id as string;
    await guard(v, 'post', `/callups/${callup.id}/answer`, { answer: 'accept' }).expect(200);
    await guard(v, 'post', `/callups/${callup.id}/arrive`, near).expect(200);
    const peers = await upload(peer);
    const refused = await guard(v, 'post', `/callups/${callup.id}/report`, { text: '现场照片', photoIds: [peers] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('CALLUP_PHOTO_INVALID');
    const mine = await upload(v);
    const filed = await guard(v, 'post', `/callups/${callup.id}/report`, { text: '现场照片', photoIds: [mine] });
    expect(filed.status).toBe(200);
    expect(filed.body.reportPhotoIds).toEqual([mine]);
    const read = (token: string) =>
      ctx
        .http()
        .get(`/api/files/${mine}`)
        .set(...bearer(token));
    await read(v.token).expect(200);
    await read(staff.pinghu_station).expect(200);
    await read(staff.yushan_branch).expect(200);
    await read(staff.yushan_station).expect(404);
    await read(peer.token).expect(404);
  });

  it('every guard route is 404 for someone who was not asked; my list shows open call-ups first', async () => {
    const { vs, callup } = await callupFor(1);
    const [stranger] = await createVolunteers(ctx, 1);
    for (const [method, path, body] of [
      ['get', `/callups/${callup.id}`],
      ['post', `/callups/${callup.id}/answer`, { answer: 'accept' }],
      ['post', `/callups/${callup.id}/arrive`, near],
      ['post', `/callups/${callup.id}/report`, { text: '到了' }],
      ['get', `/callups/${callup.id}/qr`],
      ['get', `/callups/99999999`],
    ] as const)
      await guard(stranger, method, path, body).expect(404);
    expect((await guard(stranger, 'get', '/callups').expect(200)).body).toMatchObject({ items: [], total: 0 });

    const v = vs[0];
    const old = await insertCallup(ctx, [v], {
      title: '已结束的指令',
      createdAt: new Date(ctx.clock.nowMs() - 5 * 60_000),
      status: 'closed',
    });
    const newer = await insertCallup(ctx, [v], { title: '最新指令', createdAt: new Date(ctx.clock.nowMs() - 60_000) });
    const list = await guard(v, 'get', '/callups?pageSize=10').expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([callup.id, newer.callup.id, old.callup.id]);
    expect(list.body.items[2]).toMatchObject({ callupStatus: 'closed', myStatus: 'asked', unitName: '平湖派出所' });
    const second = await guard(v, 'get', '/callups?page=2&pageSize=2').expect(200);
    expect(second.body.items.map((i: { id: number }) => i.id)).toEqual([old.callup.id]);
  });
});
