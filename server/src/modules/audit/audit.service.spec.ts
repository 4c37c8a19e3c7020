import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { OrgUnit } from '../../../test/unit/rows.js';
import { OrgService } from '../org/org.service.js';
import { AuditLog } from './audit-log.entity.js';
import { AuditService } from './audit.service.js';
import type { AuditQueryDto } from './audit-query.dto.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { orgTree, type UnitTree } from '../../../test/unit/factories.js';

const page = (over: Partial<AuditQueryDto> = {}) => ({ page: 1, pageSize: 50, ...over }) as AuditQueryDto;

describe('AuditService', () => {
  let ds: DataSource;
  let sut: AuditService;
  const clock = clockAt('2026-11-30T15:30:00Z');
  let org: UnitTree;

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new AuditService(ds.getRepository(AuditLog), clock, new OrgService(ds.getRepository(OrgUnit)));
    org = await orgTree(ds, clock.now());
    const officerA = staffActor('station_officer', org.stationA, 11);
    const officerB = staffActor('station_officer', org.stationB, 12);
    await sut.record(ds.manager, officerA, { action: 'staff.create', targetType: 'user', targetId: '5' });
    await sut.record(ds.manager, officerB, { action: 'staff.create', targetType: 'user', targetId: '6' });
    // an action a branch-A officer takes about a branch-B station belongs to branch B's log
    await sut.record(ds.manager, officerA, {
      action: 'company.update',
      targetType: 'company',
      targetId: '7',
      orgUnitId: org.stationB.id,
      before: { name: '旧' },
      after: { name: '新' },
    });
  });

  afterAll(() => ds.destroy());

  it("records who, when and where: the concerned unit's path, else the actor's own unit", async () => {
    const rows = await ds.getRepository(AuditLog).find({ order: { id: 'ASC' } });
    expect(rows.map((r) => [r.actorId, r.orgUnitId, r.orgPath])).toEqual([
      [11, org.stationA.id, org.stationA.path],
      [12, org.stationB.id, org.stationB.path],
      [11, org.stationB.id, org.stationB.path],
    ]);
    expect(rows[0]).toMatchObject({ actorName: '测试station_officer', actorRoles: ['station_officer'] });
    expect(rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-30T15:30:00Z'));
    expect(rows[2]).toMatchObject({ before: { name: '旧' }, after: { name: '新' } });
  });

  it('an actor without a unit (the system) records at the unit the action concerns', async () => {
    const system: Actor = {
      userId: null as unknown as number,
      displayName: '系统定时任务',
      openid: null,
      staffRoles: [],
      roles: [],
      orgUnitId: null,
      orgPath: '/',
      isStaff: false,
      ip: null,
    };
    await ds.transaction((m) =>
      sut.record(m, system, {
        action: 'volunteer.revoke_inactive',
        targetType: 'volunteer',
        orgUnitId: org.stationA.id,
      }),
    );
    const last = await ds.getRepository(AuditLog).findOneOrFail({ where: {}, order: { id: 'DESC' } });
    expect([last.actorId, last.orgPath]).toEqual([null, org.stationA.path]);
    await ds.getRepository(AuditLog).delete(last.id);
  });

  it('a branch reads its own subtree only; the city reads everything, newest first', async () => {
    const branchA = await sut.list(staffActor('branch_officer', org.branchA), page());
    expect(branchA.items.map((e) => e.targetId)).toEqual(['5']);
    const branchB = await sut.list(staffActor('branch_officer', org.branchB), page());
    expect(branchB.items.map((e) => e.targetId)).toEqual(['7', '6']);
    const city = await sut.list(staffActor('city_officer', org.city), page());
    expect([city.total, city.items.map((e) => e.targetId)]).toEqual([3, ['7', '6', '5']]);
  });

  it('filters by action and target type within the scope', async () => {
    const city = staffActor('city_officer', org.city);
    expect((await sut.list(city, page({ action: 'company.update' }))).items.map((e) => e.targetId)).toEqual(['7']);
    expect((await sut.list(city, page({ targetType: 'user' }))).total).toBe(2);
  });
});
