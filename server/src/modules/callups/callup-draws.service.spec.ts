import type { DataSource } from 'typeorm';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { unitCallupsAdmin } from '../../../test/unit/factories-callups-admin.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { CallupDrawsService } from './callup-draws.service.js';

describe(CallupDrawsService.name, () => {
  const clock = clockAt('2026-11-30T23:30:00Z');
  let ds: DataSource;
  let org: UnitTree;
  let sut: ReturnType<typeof unitCallupsAdmin>;
  const branchA = () => staffActor('branch_officer', org.branchA, 7);
  const branchB = () => staffActor('branch_officer', org.branchB, 8);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = unitCallupsAdmin(ds, clock);
    await createVolunteer(ds, clock.now(), await createUser(ds, clock.now()), org.stationA);
    for (let i = 0; i < 3; i++)
      await createVolunteer(ds, clock.now(), await createUser(ds, clock.now()), org.stationB, {
        skills: i < 2 ? [{ name: '调解' }] : [],
      });
  });
  afterAll(() => ds.destroy());

  it('picks from the other branch’s pool, decided once by that branch; accepted people join the call-up', async () => {
    const c = await sut.callups.create(branchA(), {
      requestId: 'draw-callup-1',
      kind: 'ordinary',
      title: '增援',
      task: '集合',
      rally: { address: '门口', lat: 31.66, lng: 118.5 },
      deadlineAt: new Date(clock.nowMs() + 3600_000).toISOString(),
      target: { unitId: org.stationA.id },
    });
    expect(await errorCode(sut.draws.request(branchA(), c.id, { branchId: org.branchA.id, count: 1 }))).toBe(
      'CALLUP_DRAW_BRANCH_INVALID',
    );
    expect(
      await errorCode(sut.draws.request(branchA(), c.id, { branchId: org.branchB.id, count: 1, skills: ['无人机'] })),
    ).toBe('CALLUP_DRAW_EMPTY');
    const d = await sut.draws.request(branchA(), c.id, { branchId: org.branchB.id, count: 5, skills: ['调解'] });
    expect(d).toMatchObject({ status: 'pending', picked: 2 });
    expect((await sut.draws.inbox(branchA(), { page: 1, pageSize: 20 })).total).toBe(0);
    expect((await sut.draws.inbox(branchB(), { page: 1, pageSize: 20 })).items[0].volunteers).toHaveLength(2);
    expect(await errorCode(sut.draws.decide(branchA(), d.id, { decision: 'accept' }))).toBe('NOT_FOUND');
    expect((await sut.draws.decide(branchB(), d.id, { decision: 'accept' })).status).toBe('accepted');
    expect(await errorCode(sut.draws.decide(branchB(), d.id, { decision: 'decline', reason: '不行' }))).toBe(
      'CALLUP_DRAW_DECIDED',
    );
    expect((await sut.views.detail(branchA(), c.id)).counts.asked).toBe(3);
    // the two drawn are asked already: the pool has nobody left with the skill
    expect(
      await errorCode(sut.draws.request(branchA(), c.id, { branchId: org.branchB.id, count: 1, skills: ['调解'] })),
    ).toBe('CALLUP_DRAW_EMPTY');
  });
});
