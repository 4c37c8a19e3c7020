import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { User } from '../../../test/unit/rows.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import type { CreateStaffDto, StaffQueryDto } from './staff.dto.js';
import { StaffService } from './staff.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createStaffUser,
  createUser,
  orgTree,
  unitAudit,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';

const query = (over: Partial<StaffQueryDto> = {}) => ({ page: 1, pageSize: 50, ...over }) as StaffQueryDto;
describe('StaffService', () => {
  let ds: DataSource;
  let sut: StaffService;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const dto = (over: Partial<CreateStaffDto>): CreateStaffDto => ({
    username: 'new_officer',
    displayName: '新民警',
    password: 'Passw0rd!',
    phone: '13900000001',
    orgUnitId: org.stationA.id,
    roles: ['station_officer'],
    ...over,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = new StaffService(
      new UserAccounts(ds),
      ds,
      unitOrg(ds),
      new PasswordHasher(10),
      unitPii,
      unitAudit(ds, clock),
      clock,
    );
    await createStaffUser(ds, clock.now(), 'station_officer', org.stationA, {
      username: 'a_officer',
      displayName: '甲',
    });
    await createStaffUser(ds, clock.now(), 'station_officer', org.stationB, {
      username: 'b_officer',
      displayName: '乙',
    });
    await createStaffUser(ds, clock.now(), 'branch_officer', org.branchA, {
      username: 'a_branch',
      displayName: '丙_%',
    });
    // a WeChat user placed nowhere is not staff
    await createUser(ds, clock.now());
  });

  afterAll(() => ds.destroy());

  it('lists the provisioned accounts of the viewer’s subtree, filtered by unit, role and text', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    expect((await sut.list(branchA, query())).items.map((s) => s.username)).toEqual(['a_officer', 'a_branch']);
    expect((await sut.list(branchA, query({ role: 'branch_officer' }))).items.map((s) => s.username)).toEqual([
      'a_branch',
    ]);
    // % and _ are searched as themselves
    expect((await sut.list(branchA, query({ q: '_%' }))).items.map((s) => s.displayName)).toEqual(['丙_%']);
    expect((await sut.list(branchA, query({ q: 'officer' }))).total).toBe(1);
    expect(await code(sut.list(branchA, query({ orgUnitId: org.stationB.id })))).toBe('NOT_FOUND');
    const city = await sut.list(staffActor('city_officer', org.city), query({ orgUnitId: org.stationB.id }));
    expect(city.items.map((s) => s.username)).toEqual(['b_officer']);
  });

  it('creates an account in scope with a masked phone, hashed password and an audit entry at the unit', async () => {
    const created = await sut.create(staffActor('branch_officer', org.branchA, 42), dto({}));
    expect(created).toMatchObject({ username: 'new_officer', phoneMasked: '139****0001', wechatBound: false });
    const row = await ds.getRepository(User).findOneByOrFail({ id: created.id });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.phoneHash).toBe(unitPii.hash('phone', '13900000001'));
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'staff.create' });
    expect([audit.actorId, audit.orgPath, audit.targetId]).toEqual([42, org.stationA.path, String(created.id)]);
  });

  it('refuses another subtree, a role at the wrong level, sysadmin from a non-sysadmin, and taken names or phones', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    expect(await code(sut.create(branchA, dto({ username: 'x1', orgUnitId: org.stationB.id })))).toBe('NOT_FOUND');
    expect(await code(sut.create(branchA, dto({ username: 'x2', roles: ['branch_officer'] })))).toBe(
      'ROLE_NOT_ALLOWED_AT_LEVEL',
    );
    const city = staffActor('city_officer', org.city);
    expect(await code(sut.create(city, dto({ username: 'x3', orgUnitId: org.city.id, roles: ['sysadmin'] })))).toBe(
      'FORBIDDEN',
    );
    expect(await code(sut.create(branchA, dto({ username: 'a_officer', phone: '13900000009' })))).toBe(
      'USERNAME_TAKEN',
    );
    expect(await code(sut.create(branchA, dto({ username: 'x4', phone: '13900000001' })))).toBe('PHONE_TAKEN');
  });

  it('reveals the full phone only in scope, and every reveal is audited', async () => {
    const target = (await sut.list(staffActor('city_officer', org.city), query({ q: 'b_officer' }))).items[0];
    expect(await code(sut.reveal(staffActor('branch_officer', org.branchA), target.id, 'phone'))).toBe('NOT_FOUND');
    const before = await ds.getRepository(AuditLog).countBy({ action: 'pii.reveal' });
    const revealed = await sut.reveal(staffActor('branch_officer', org.branchB, 7), target.id, 'phone');
    expect(revealed.value).toMatch(/^1380000\d{4}$/);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'pii.reveal' })).toBe(before + 1);
  });
});
