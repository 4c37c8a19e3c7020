import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitHonestyFlags } from '../../../test/unit/factories-supervision.js';
import { HonestyFlag } from './honesty-flag.entity.js';
import { HonestyFlagsService } from './honesty-flags.service.js';

describe(HonestyFlagsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let branch: Actor;
  let otherBranch: Actor;
  let flagId: number;
  const at = '2026-11-30T23:30:00Z';
  const sut = () => unitHonestyFlags(ds, clockAt(at));

  beforeAll(async () => {
    ds = await unitDataSource();
    const now = clockAt(at).now();
    org = await orgTree(ds, now);
    branch = staffActor(
      'branch_officer',
      org.branchA,
      (await createStaffUser(ds, now, 'branch_officer', org.branchA)).id,
    );
    otherBranch = staffActor(
      'branch_officer',
      org.branchB,
      (await createStaffUser(ds, now, 'branch_officer', org.branchB)).id,
    );
    const repo = ds.getRepository(HonestyFlag);
    flagId = (
      await repo.save(
        repo.create({
          kind: 'attendance_without_checkin',
          recordKey: '1',
          orgUnitId: org.stationA.id,
          orgPath: org.stationA.path,
          summary: '未签到却确认出勤',
          links: [{ type: 'signup', id: 1, label: '报名' }],
          occurredAt: now,
          detectedAt: now,
          status: 'open',
          dismissReason: null,
          dismissedByUserId: null,
          dismissedByName: null,
          dismissedAt: null,
          version: 1,
        }),
      )
    ).id;
  });
  afterAll(() => ds.destroy());

  it('lists the flags of the area only; another branch reads 404', async () => {
    expect((await sut().list(branch, { page: 1, pageSize: 20 })).items.map((f) => f.id)).toEqual([flagId]);
    expect((await sut().list(otherBranch, { page: 1, pageSize: 20 })).total).toBe(0);
    expect(await code(sut().get(otherBranch, flagId))).toBe('NOT_FOUND');
  });

  it('dismisses once with the reason, audited', async () => {
    expect(await code(sut().dismiss(otherBranch, flagId, '核实无误'))).toBe('NOT_FOUND');
    const done = await sut().dismiss(branch, flagId, '核实无误，补录');
    expect(done).toMatchObject({ status: 'dismissed', dismissReason: '核实无误，补录' });
    expect(await code(sut().dismiss(branch, flagId, '再次排除'))).toBe('HONESTY_FLAG_STATE_CHANGED');
    const audit = await ds.getRepository(AuditLog).findBy({ targetType: 'honesty_flag', targetId: String(flagId) });
    expect(audit.map((a) => a.action)).toEqual(['honesty.dismiss']);
  });
});
