import type { DataSource } from 'typeorm';
import type { StaffRole } from '@jianghuai/shared';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { AuditLog, RefreshToken } from '../../../test/unit/rows.js';
import { User } from '../../../test/unit/rows.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { StaffAccountsService, temporaryPassword } from './staff-accounts.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, unitAudit, unitOrg, type UnitTree } from '../../../test/unit/factories.js';

describe('StaffAccountsService', () => {
  let ds: DataSource;
  let sut: StaffAccountsService;
  let org: UnitTree;
  let hasher: PasswordHasher;
  let officer: User;
  let sysadmin: User;
  const clock = clockAt('2026-11-30T17:30:00Z');
  const row = (id: number) => ds.getRepository(User).findOneByOrFail({ id });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    hasher = new PasswordHasher(10);
    sut = new StaffAccountsService(
      new UserAccounts(ds),
      ds,
      unitOrg(ds),
      hasher,
      unitAudit(ds, clock),
      clock,
      new SessionsService(),
    );
    officer = await createStaffUser(ds, clock.now(), 'station_officer', org.stationA, { passwordHash: 'old' });
    sysadmin = await createStaffUser(ds, clock.now(), 'sysadmin', org.city);
  });
  afterAll(() => ds.destroy());

  it('temporary passwords are 12 letters and digits with both kinds, and differ each time', () => {
    const many = Array.from({ length: 200 }, temporaryPassword);
    for (const pw of many) expect(pw).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-HJ-NP-Za-km-np-z2-9]{12}$/);
    expect(new Set(many).size).toBe(many.length);
  });

  it('disables and enables once each, audited with the status before and after', async () => {
    const branchA = staffActor('branch_officer', org.branchA, 9);
    await sut.setStatus(branchA, officer.id, 'disabled');
    await sut.setStatus(branchA, officer.id, 'disabled'); // no change, no entry
    expect((await row(officer.id)).status).toBe('disabled');
    await sut.setStatus(branchA, officer.id, 'active');
    const entries = await ds
      .getRepository(AuditLog)
      .find({ where: { targetId: String(officer.id) }, order: { id: 'ASC' } });
    expect(entries.map((e) => [e.action, e.actorId, e.orgPath, e.after])).toEqual([
      ['staff.disable', 9, org.stationA.path, { status: 'disabled' }],
      ['staff.enable', 9, org.stationA.path, { status: 'active' }],
    ]);
  });

  it('a reset stores only the hash of the returned password and audits without it', async () => {
    const { password } = await sut.resetPassword(staffActor('city_officer', org.city, 900), officer.id);
    const stored = (await row(officer.id)).passwordHash;
    expect(await hasher.verify(password, stored)).toBe(true);
    expect(stored).not.toContain(password);
    const entry = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'staff.reset_password' });
    expect([entry.before, entry.after]).toEqual([null, null]);
  });

  it("a reset and a disable end every login of the account at once; another person's logins stay", async () => {
    const tokens = ds.getRepository(RefreshToken);
    const login = (userId: number, n: string) =>
      tokens.insert({
        userId,
        familyId: `family-${n}`,
        tokenHash: `hash-${n}`.padEnd(64, '0'),
        expiresAt: new Date('2026-12-30T00:00:00Z'),
        rotatedAt: null,
        revokedAt: null,
        createdAt: clock.now(),
      });
    const live = async (userId: number) => (await tokens.findBy({ userId })).filter((t) => !t.revokedAt).length;
    const other = await createStaffUser(ds, clock.now(), 'station_officer', org.stationA);
    await Promise.all([login(officer.id, 'phone'), login(officer.id, 'desktop'), login(other.id, 'other')]);
    await sut.resetPassword(staffActor('city_officer', org.city, 900), officer.id);
    expect([await live(officer.id), await live(other.id)]).toEqual([0, 1]);
    await login(officer.id, 'after-reset');
    await sut.setStatus(staffActor('city_officer', org.city, 900), officer.id, 'disabled');
    expect([await live(officer.id), await live(other.id)]).toEqual([0, 1]);
    await sut.setStatus(staffActor('city_officer', org.city, 900), officer.id, 'active');
  });

  it('moves roles and unit within scope and the level rule; sysadmin only from a sysadmin', async () => {
    const branchA = staffActor('branch_officer', org.branchA, 900);
    const move = (actor = branchA, roles: StaffRole[] = ['community_officer'], unit = org.communityA) =>
      code(sut.update(actor, officer.id, { roles: [...roles], orgUnitId: unit.id }));
    expect(await move(branchA, ['station_officer'], org.communityA)).toBe('ROLE_NOT_ALLOWED_AT_LEVEL');
    expect(await move(branchA, ['station_officer'], org.stationB)).toBe('NOT_FOUND');
    expect(await move(staffActor('branch_officer', org.branchB, 900), ['station_officer'], org.stationB)).toBe(
      'NOT_FOUND',
    );
    expect(await move()).toBe('ok');
    expect(await row(officer.id)).toMatchObject({ roles: ['community_officer'], orgUnitId: org.communityA.id });
    const city = staffActor('city_officer', org.city, 900);
    expect(await move(city, ['sysadmin'], org.city)).toBe('FORBIDDEN');
    expect(await move(staffActor('sysadmin', org.city, 900), ['sysadmin', 'city_officer'], org.city)).toBe('ok');
  });

  it('refuses the actor’s own account and, for non-sysadmins, a sysadmin account', async () => {
    const city = staffActor('city_officer', org.city, sysadmin.id + 1000);
    expect(await code(sut.resetPassword(city, sysadmin.id))).toBe('STAFF_ABOVE_ACTOR');
    expect(await code(sut.setStatus(staffActor('sysadmin', org.city, sysadmin.id), sysadmin.id, 'disabled'))).toBe(
      'STAFF_SELF_ACTION',
    );
    expect(await code(sut.resetPassword(staffActor('sysadmin', org.city, 900), sysadmin.id))).toBe('ok');
  });
});
