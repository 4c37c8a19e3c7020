import type { DataSource } from 'typeorm';
import { AuditLog, Company } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitBulletins, unitMyAlerts } from '../../../test/unit/factories-alerts.js';
import { codeOf } from '../../../test/unit/factories-volunteers.js';
import { BulletinsService } from './bulletins.service.js';

describe(BulletinsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const sut = () => unitBulletins(ds, clock);
  let managerId: number;
  let guardId: number;
  const body = (areaId: number) => ({ title: '十一月通报', text: '盗窃下降', advice: '锁好车', areaId });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const g = await createUser(ds, at);
    guardId = g.id;
    await createVolunteer(ds, at, g, org.stationA);
    await createVolunteer(ds, at, await createUser(ds, at), org.stationB);
    managerId = (await createUser(ds, at, { roles: ['company_manager'], orgUnitId: org.stationA.id })).id;
    await ds.getRepository(Company).insert({
      name: '皖安保安',
      type: 'security_company',
      creditCode: '91340500MA2T000000',
      homeStationId: org.stationA.id,
      contactName: null,
      contactPhoneEnc: null,
      equipment: {},
      managerUserId: managerId,
      createdAt: at,
      updatedAt: at,
    } as never);
  });
  afterAll(() => ds.destroy());

  it('reaches the area’s volunteers under their station and its company managers under the company, audited', async () => {
    const b = await sut().publish(staffActor('branch_officer', org.branchA), body(org.branchA.id));
    expect(b.units).toEqual([
      { kind: 'station', unitId: org.stationA.id, name: '采石派出所', recipients: 1, read: 0 },
      { kind: 'company', unitId: expect.any(Number), name: '皖安保安', recipients: 1, read: 0 },
    ]);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'bulletin.publish', targetId: String(b.id) })).toBe(1);
    const reader = { ...staffActor('company_manager', org.stationA, managerId) };
    await unitMyAlerts(ds, clock).bulletin(reader, b.id);
    const after = await sut().get(staffActor('city_officer', org.city), b.id);
    expect(after.read).toBe(1);
    expect(after.units.find((u) => u.kind === 'company')?.read).toBe(1);
    expect(await sut().canSee({ ...reader, userId: guardId, isStaff: false, orgPath: null }, b.id)).toBe(true);
    expect(await sut().canSee(staffActor('station_officer', org.stationB, 999), b.id)).toBe(false);
  });

  it('a community is not an area; an area outside the scope is NOT_FOUND', async () => {
    const city = staffActor('city_officer', org.city);
    expect(await codeOf(sut().publish(city, body(org.communityA.id)))).toBe('BULLETIN_AREA_INVALID');
    expect(await codeOf(sut().publish(staffActor('station_officer', org.stationB), body(org.branchA.id)))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(sut().get(staffActor('station_officer', org.stationB), 1))).toBe('NOT_FOUND');
  });
});
