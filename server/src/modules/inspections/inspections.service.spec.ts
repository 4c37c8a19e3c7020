import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany } from '../../../test/unit/factories-roster.js';
import { unitInspections, unitInspectionsCompany } from '../../../test/unit/factories-supervision.js';
import type { RecordInspectionDto } from './inspections.dto.js';
import { InspectionsService } from './inspections.service.js';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code: string }) => e.code,
  );

describe(InspectionsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let manager: Actor;
  let station: Actor;
  let otherBranch: Actor;
  let companyId: number;
  // 23:30 UTC on 11-30 is 07:30 on 12-01 in Shanghai
  const at = '2026-11-30T23:30:00Z';
  const sut = (iso = at) => unitInspections(ds, clockAt(iso));
  const body = (over: Partial<RecordInspectionDto> = {}): RecordInspectionDto => ({
    companyId,
    inspectedOn: '2026-11-20',
    inspectors: ['王所长'],
    items: [{ item: '保安员持证上岗', result: 'problem' }],
    findings: '未持证',
    rectifyBy: '2026-11-30',
    ...over,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    const now = clockAt(at).now();
    org = await orgTree(ds, now);
    const staff = async (role: Parameters<typeof createStaffUser>[2], unit: UnitTree[keyof UnitTree]) =>
      staffActor(role, unit, (await createStaffUser(ds, now, role, unit)).id);
    manager = await staff('company_manager', org.stationA);
    companyId = (await createCompany(ds, now, org.stationA, { managerUserId: manager.userId })).id;
    station = await staff('station_officer', org.stationA);
    otherBranch = await staff('branch_officer', org.branchB);
  });
  afterAll(() => ds.destroy());

  it('is overdue the Shanghai day after its deadline, not on the deadline itself', async () => {
    const i = await sut().record(station, body());
    expect(i.overdue).toBe(true);
    expect((await sut('2026-11-30T15:30:00Z').get(station, i.id)).overdue).toBe(false);
    expect((await sut().list(station, { page: 1, pageSize: 20, overdue: '1' })).overdueCount).toBe(1);
  });

  it('another branch reads 404 and cannot record for the company; a problem needs a deadline', async () => {
    const i = await sut().record(station, body({ rectifyBy: '2026-12-05' }));
    expect(await code(sut().get(otherBranch, i.id))).toBe('NOT_FOUND');
    expect(await code(sut().record(otherBranch, body()))).toBe('INSPECTION_COMPANY_INVALID');
    expect(await code(sut().record(station, body({ rectifyBy: null })))).toBe('INSPECTION_DEADLINE_REQUIRED');
    expect(await code(sut().record(station, body({ inspectedOn: '2026-12-02' })))).toBe('INSPECTION_DATE_INVALID');
  });

  it('the company confirms, the station rectifies; both audited', async () => {
    const i = await sut().record(station, body({ rectifyBy: '2026-12-05' }));
    const company = unitInspectionsCompany(ds, clockAt(at));
    expect((await company.confirm(manager, i.id, '已整改')).status).toBe('confirmed');
    expect(await code(company.confirm(manager, i.id, '已整改'))).toBe('INSPECTION_STATE_CHANGED');
    const done = await sut().rectify(station, i.id, { rectifiedOn: '2026-12-01', note: '复查合格' });
    expect(done).toMatchObject({ status: 'rectified', overdue: false });
    const actions = (await ds.getRepository(AuditLog).findBy({ targetType: 'inspection', targetId: String(i.id) }))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(['inspection.company_confirm', 'inspection.record', 'inspection.rectify']);
  });
});
