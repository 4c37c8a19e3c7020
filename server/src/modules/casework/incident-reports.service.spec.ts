import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification, StoredFile } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany } from '../../../test/unit/factories-roster.js';
import { unitIncidentReports } from '../../../test/unit/factories-casework.js';
import { IncidentReportsService } from './incident-reports.service.js';

const MIN = 60_000;

describe(IncidentReportsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let manager: Actor;
  let stationUserId: number;
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = (env: Record<string, string> = {}) => unitIncidentReports(ds, clock, env);
  let n = 0;
  const file = (over: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
    sut(env).file(manager, {
      clientRequestId: `unit-incident-${++n}`,
      category: 'urgent',
      subcategory: '人员受伤',
      occurredAt: new Date(clock.nowMs() - 30 * MIN).toISOString(),
      place: '驻勤点大门',
      content: '保安员被车辆剐蹭，已送医',
      ...over,
    });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const m = await createStaffUser(ds, at, 'company_manager', org.stationA);
    manager = staffActor('company_manager', org.stationA, m.id);
    await createCompany(ds, at, org.stationA, { managerUserId: m.id });
    stationUserId = (await createStaffUser(ds, at, 'station_officer', org.stationA)).id;
  });
  afterAll(() => ds.destroy());

  it('files to the company’s station and tells its officers; late only past the limit counted from the event', async () => {
    const onTime = await file();
    expect(onTime).toMatchObject({ late: false, status: 'received', stationId: org.stationA.id });
    const told = await ds.getRepository(Notification).findBy({ userId: stationUserId, template: 'incident_report' });
    expect(told.map((x) => x.page)).toContain(`admin-cases/report/index?id=${onTime.id}`);
    expect((await file({ occurredAt: new Date(clock.nowMs() - 61 * MIN).toISOString() })).late).toBe(true);
    // a limit set by configuration
    const env = { INCIDENT_URGENT_LIMIT_MINUTES: '20' };
    expect((await file({}, env)).late).toBe(true);
    expect(
      (await file({ category: 'major', occurredAt: new Date(clock.nowMs() - 23 * 60 * MIN).toISOString() })).late,
    ).toBe(false);
  });

  it('refuses an event in the future, someone else’s attachment, and a manager without a company', async () => {
    expect(await code(file({ occurredAt: new Date(clock.nowMs() + 10 * MIN).toISOString() }))).toBe(
      'INCIDENT_OCCURRED_IN_FUTURE',
    );
    const at = clock.now();
    await ds.getRepository(StoredFile).insert({
      id: 'f'.repeat(32),
      purpose: 'incident_attachment',
      ownerUserId: stationUserId,
      mime: 'image/jpeg',
      sourceMime: 'image/jpeg',
      bytes: 10,
      width: 1,
      height: 1,
      sha256: '0'.repeat(64),
      attachedTo: null,
      createdAt: at,
      deletedAt: null,
    });
    expect(await code(file({ attachmentIds: ['f'.repeat(32)] }))).toBe('INCIDENT_ATTACHMENT_INVALID');
    const lone = staffActor(
      'company_manager',
      org.stationA,
      (await createStaffUser(ds, at, 'company_manager', org.stationA)).id,
    );
    expect(await code(sut().listMine(lone, { page: 1, pageSize: 20 }))).toBe('COMPANY_NOT_LINKED');
  });

  it('returns the same report for the same request number', async () => {
    const first = await file({ clientRequestId: 'unit-incident-same' });
    const again = await file({ clientRequestId: 'unit-incident-same', content: '第二次发送' });
    expect(again.id).toBe(first.id);
    expect(again.content).toBe(first.content);
  });
});
