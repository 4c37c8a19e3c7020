import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog, Notification } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany } from '../../../test/unit/factories-roster.js';
import { unitIncidentOverdue, unitIncidentReports, unitIncidentsAdmin } from '../../../test/unit/factories-casework.js';
import { IncidentsAdminService } from './incidents-admin.service.js';

describe(IncidentsAdminService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let manager: Actor;
  let station: Actor;
  let branch: Actor;
  let otherBranch: Actor;
  const filedAt = '2026-11-30T15:30:00Z';
  const sut = (iso = filedAt) => unitIncidentsAdmin(ds, clockAt(iso));
  let n = 0;
  const file = async (category: 'urgent' | 'major' = 'urgent') =>
    (
      await unitIncidentReports(ds, clockAt(filedAt)).file(manager, {
        clientRequestId: `unit-admin-incident-${++n}`,
        category,
        subcategory: '火灾',
        occurredAt: '2026-11-30T15:00:00Z',
        place: '仓库',
        content: '仓库冒烟，已扑灭',
      })
    ).id;

  beforeAll(async () => {
    ds = await unitDataSource();
    const at = clockAt(filedAt).now();
    org = await orgTree(ds, at);
    const staff = async (role: Parameters<typeof createStaffUser>[2], unit: UnitTree[keyof UnitTree]) =>
      staffActor(role, unit, (await createStaffUser(ds, at, role, unit)).id);
    manager = await staff('company_manager', org.stationA);
    await createCompany(ds, at, org.stationA, { managerUserId: manager.userId });
    station = await staff('station_officer', org.stationA);
    branch = await staff('branch_officer', org.branchA);
    otherBranch = await staff('branch_officer', org.branchB);
  });
  afterAll(() => ds.destroy());

  it('acknowledges once, then classifies and records the disposal; audited; another branch reads 404', async () => {
    const id = await file();
    expect(await code(sut().classify(station, id, '消防'))).toBe('INCIDENT_STATE_CHANGED');
    expect(await code(sut().acknowledge(otherBranch, id))).toBe('NOT_FOUND');
    expect((await sut().acknowledge(station, id)).status).toBe('acknowledged');
    expect(await code(sut().acknowledge(branch, id))).toBe('INCIDENT_STATE_CHANGED');
    await sut().classify(branch, id, '消防安全');
    const done = await sut().dispose(station, id, '已到场处置');
    expect(done).toMatchObject({ status: 'disposed', classification: '消防安全', disposal: '已到场处置' });
    const actions = (await ds.getRepository(AuditLog).findBy({ targetId: String(id), targetType: 'incident_report' }))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(['incident.acknowledge', 'incident.classify', 'incident.dispose']);
  });

  it('flags an urgent report unacknowledged at 16:31 (not at 16:29) to the branch, once, and lists it as such', async () => {
    const urgent = await file('urgent');
    const major = await file('major');
    const before = await unitIncidentOverdue(ds, clockAt('2026-11-30T16:29:00Z')).run();
    expect(before.flagged).toBe(0);
    const run = await unitIncidentOverdue(ds, clockAt('2026-11-30T16:31:00Z')).run();
    expect(run.flagged).toBeGreaterThanOrEqual(1);
    const told = await ds.getRepository(Notification).findBy({ template: 'incident_overdue' });
    expect(told.filter((x) => (x.page ?? '').endsWith(`?id=${urgent}`)).map((x) => x.userId)).toEqual([branch.userId]);
    expect(told.some((x) => (x.page ?? '').endsWith(`?id=${major}`))).toBe(false);
    expect((await unitIncidentOverdue(ds, clockAt('2026-11-30T16:32:00Z')).run()).flagged).toBe(0);
    const listed = await sut('2026-11-30T16:31:00Z').list(branch, { page: 1, pageSize: 50, flag: 'unacknowledged' });
    expect(listed.items.map((x) => x.id)).toContain(urgent);
    expect(listed.items.map((x) => x.id)).not.toContain(major);
    expect((await sut().list(otherBranch, { page: 1, pageSize: 50 })).items).toEqual([]);
  });
});
