import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { PointsLedgerEntry } from '../../../test/unit/rows.js';
import { clockAt, errorCode as code, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { memberActor } from '../../../test/unit/factories-activities.js';
import { createCallup, unitCallupBoard, unitCallupResponses } from '../../../test/unit/factories-callups.js';
import { CallupResponsesService } from './callup-responses.service.js';

describe(CallupResponsesService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  // 07:30 in Shanghai, still the day before in UTC
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = () => unitCallupResponses(ds, clock);
  const near = { lat: 31.661, lng: 118.5 };

  /** A call-up of station A sent ten minutes ago to `n` new volunteers (their actors returned). */
  const sent = async (n: number, over: Parameters<typeof createCallup>[4] = {}) => {
    const guards: Actor[] = [];
    const recipients = [];
    for (let i = 0; i < n; i++) {
      const u = await createUser(ds, clock.now());
      const v = await createVolunteer(ds, clock.now(), u, org.stationA);
      guards.push(memberActor(u));
      recipients.push({ volunteerId: v.id, userId: u.id, stationId: org.stationA.id });
    }
    const made = await createCallup(ds, org.stationA, new Date(clock.nowMs() - 600_000), recipients, over);
    return { ...made, guards };
  };

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
  });
  afterAll(() => ds.destroy());

  it('answers once, before the deadline; arrival needs the accept and the report needs the arrival', async () => {
    const { callup, guards } = await sent(2);
    const [a, b] = guards;
    expect(await code(sut().arrive(a, callup.id, near))).toBe('CALLUP_NOT_ACCEPTED');
    const accepted = await sut().answer(a, callup.id, { answer: 'accept' });
    expect(accepted.myStatus).toBe('accepted');
    expect(accepted.acceptedAt).toMatch(/^2026-11-30T23:30:/);
    expect(await code(sut().answer(a, callup.id, { answer: 'decline' }))).toBe('CALLUP_ALREADY_ANSWERED');
    expect(await code(sut().report(a, callup.id, { text: '到了' }))).toBe('CALLUP_NOT_ARRIVED');
    expect(await sut().answer(b, callup.id, { answer: 'decline', reason: '' })).toMatchObject({
      myStatus: 'declined',
      declineReason: null,
    });
    const late = await sent(1, { deadlineAt: new Date(clock.nowMs() - 1000) });
    expect(await code(sut().answer(late.guards[0], late.callup.id, { answer: 'accept' }))).toBe(
      'CALLUP_DEADLINE_PASSED',
    );
  });

  it('arrives within the radius or with the current QR only; too far tells the distance', async () => {
    const { callup, guards } = await sent(2);
    for (const g of guards) await sut().answer(g, callup.id, { answer: 'accept' });
    await expect(sut().arrive(guards[0], callup.id, { lat: 31.7, lng: 118.5 })).rejects.toMatchObject({
      code: 'CALLUP_TOO_FAR',
      details: { radiusM: 500 },
    });
    expect((await sut().arrive(guards[0], callup.id, near)).arrivedBy).toBe('location');
    const officer = staffActor('station_officer', org.stationA);
    const { token } = await unitCallupBoard(ds, clock).qrCode(officer, callup.id);
    const later = unitCallupResponses(ds, clockAt('2026-11-30T23:31:30Z'));
    expect(await code(later.arrive(guards[1], callup.id, { token }))).toBe('CALLUP_QR_INVALID');
    expect((await sut().arrive(guards[1], callup.id, { token })).arrivedBy).toBe('qr');
    expect(await code(unitCallupBoard(ds, clock).qrCode(staffActor('station_officer', org.stationB), callup.id))).toBe(
      'NOT_FOUND',
    );
  });

  it('摸排 needs a result for every item; the report credits once, doubled in war-time', async () => {
    const items = [
      { id: 1, label: '出租屋' },
      { id: 2, label: '五金店' },
    ];
    const { callup, guards, recipients } = await sent(1, { kind: 'verification', items, mode: 'wartime' });
    const g = guards[0];
    await sut().answer(g, callup.id, { answer: 'accept' });
    await sut().arrive(g, callup.id, near);
    await expect(
      sut().report(g, callup.id, { text: '已摸排', items: [{ itemId: 2, result: 'found' }] }),
    ).rejects.toMatchObject({ code: 'CALLUP_REPORT_ITEMS_INVALID', details: { missing: [1] } });
    const done = await sut().report(g, callup.id, {
      text: '已摸排',
      items: [
        { itemId: 1, result: 'not_found' },
        { itemId: 2, result: 'changed', note: '已改为便利店' },
      ],
    });
    expect(done).toMatchObject({ myStatus: 'reported', pointsAwarded: 20 });
    expect(await code(sut().report(g, callup.id, { text: '再报' }))).toBe('CALLUP_ALREADY_REPORTED');
    const entries = await ds
      .getRepository(PointsLedgerEntry)
      .findBy({ idempotencyKey: `callup-report:${recipients[0].id}` });
    expect(entries.map((e) => [e.type, e.amount, e.awardingOrgId])).toEqual([['callup', 20, org.stationA.id]]);
  });

  it('is 404 for anyone not asked, and lists a guard only their own call-ups', async () => {
    const { callup } = await sent(1);
    const stranger = memberActor(await createUser(ds, clock.now()));
    expect(await code(sut().detail(stranger, callup.id))).toBe('NOT_FOUND');
    expect(await code(sut().answer(stranger, callup.id, { answer: 'accept' }))).toBe('NOT_FOUND');
    expect(await code(sut().leaderQr(stranger, callup.id))).toBe('NOT_FOUND');
    expect(await sut().list(stranger, { page: 1, pageSize: 20 })).toMatchObject({ items: [], total: 0 });
  });
});
