import type { DataSource } from 'typeorm';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { unitCallupsAdmin } from '../../../test/unit/factories-callups-admin.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { CallupPlansService } from './callup-plans.service.js';
import type { CallupPlanDto } from './callups-admin.dto.js';

describe(CallupPlansService.name, () => {
  const clock = clockAt('2026-11-30T15:30:00Z');
  let ds: DataSource;
  let org: UnitTree;
  let sut: CallupPlansService;
  const plan = (): CallupPlanDto => ({
    name: '重点单位摸排',
    kind: 'verification',
    target: { unitId: org.stationA.id },
    title: '摸排',
    task: '逐一核实',
    rally: { address: '派出所', lat: 31.66, lng: 118.5 },
    deadlineMinutes: 60,
    items: ['加油站', '学校'],
  });
  const branch = () => staffActor('branch_officer', org.branchA, 7);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = unitCallupsAdmin(ds, clock).plans;
    await createVolunteer(ds, clock.now(), await createUser(ds, clock.now()), org.stationA);
  });
  afterAll(() => ds.destroy());

  it('keeps plans by unit with unique names, scoped, and launches one in a step with overrides', async () => {
    const p = await sut.create(branch(), plan());
    expect(p).toMatchObject({
      ownerUnitName: '雨山分局',
      items: [
        { id: 1, label: '加油站' },
        { id: 2, label: '学校' },
      ],
    });
    expect(await errorCode(sut.create(branch(), plan()))).toBe('CALLUP_PLAN_NAME_TAKEN');
    expect(await errorCode(sut.get(staffActor('branch_officer', org.branchB), p.id))).toBe('NOT_FOUND');
    expect(await errorCode(sut.create(branch(), { ...plan(), name: '无对象', items: [] }))).toBe(
      'CALLUP_ITEMS_INVALID',
    );
    const c = await sut.launch(branch(), p.id, { requestId: 'plan-launch-1', overrides: { title: '今晚摸排' } });
    expect(c).toMatchObject({ title: '今晚摸排', planId: p.id, kind: 'verification', counts: { asked: 1 } });
    expect(Math.abs(new Date(c.deadlineAt).getTime() - new Date(c.createdAt).getTime() - 60 * 60_000)).toBeLessThan(
      5000,
    );
    await sut.remove(branch(), p.id);
    expect(await errorCode(sut.get(branch(), p.id))).toBe('NOT_FOUND');
  });
});
