import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { LoginBrakeService } from '../../common/auth/login-brake.service.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { authConfig } from '../../config/auth.config.js';
import { readArea } from '../../config/config-area.js';
import { jwtConfig } from '../../config/jwt.config.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { UserQueries } from '../users/user-queries.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { User } from '../../../test/unit/rows.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { ActorLoader } from './actor-loader.service.js';
import { AuthService } from './auth.service.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import {
  createStaffUser,
  createUser,
  FakeWechat,
  orgTree,
  unitAudit,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';

const SECRET = 'unit-test-secret-0123456789abcdef';
const hasher = new PasswordHasher(10);
describe('AuthService', () => {
  let ds: DataSource;
  let sut: AuthService;
  let actors: ActorLoader;
  let org: UnitTree;
  const wechat = new FakeWechat();
  const clock = clockAt('2026-11-30T15:30:00Z');
  const actorOf = async (userId: number): Promise<Actor> =>
    (await actors.loadActor(userId, null, () => '10.0.0.1'))!.actor;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    actors = new ActorLoader(ds, new UserQueries(ds), new VolunteerQueries(ds), unitOrg(ds));
    const tokens = new TokenService(
      readArea(jwtConfig.read, { JWT_SECRET: SECRET }),
      new JwtService({ secret: createSecretKey(Buffer.from(SECRET)) as unknown as Buffer }),
      ds.getRepository(RefreshToken),
      clock,
    );
    const brake = new LoginBrakeService(readArea(authConfig.read, { PASSWORD_MAX_FAILURES: '3' }), ds, clock);
    sut = new AuthService(
      clock,
      new UserAccounts(ds),
      ds,
      tokens,
      wechat.asClient(),
      actors,
      hasher,
      unitPii,
      unitAudit(ds, clock),
      brake,
    );
  });

  afterAll(() => ds.destroy());

  it('the first WeChat login creates a plain user; later logins find the same one; a disabled one is refused', async () => {
    wechat.openids.set('code-1', 'openid-new').set('code-2', 'openid-new');
    const first = await sut.wechatLogin('code-1');
    const again = await sut.wechatLogin('code-2');
    expect(again.user.id).toBe(first.user.id);
    expect(first.user).toMatchObject({ displayName: '微信用户', roles: [], isStaff: false, wechatBound: true });
    expect(await ds.getRepository(User).countBy({ openid: 'openid-new' })).toBe(1);
    await ds.getRepository(User).update(first.user.id, { status: 'disabled' });
    expect(await code(sut.wechatLogin('code-1'))).toBe('ACCOUNT_DISABLED');
  });

  it('staff passwords: unknown user and wrong password answer alike; the brake counts before the check', async () => {
    await createStaffUser(ds, clock.now(), 'station_officer', org.stationA, {
      username: 'li',
      passwordHash: await hasher.hash('Right@2026'),
    });
    expect(await code(sut.staffLogin('nobody', 'Right@2026', '10.0.0.1'))).toBe('INVALID_CREDENTIALS');
    expect(await code(sut.staffLogin('li', 'wrong', '10.0.0.2'))).toBe('INVALID_CREDENTIALS');
    const ok = await sut.staffLogin('li', 'Right@2026', '10.0.0.2');
    expect(ok.user.roles).toEqual(['station_officer']);
    for (let i = 0; i < 3; i++) await code(sut.staffLogin('li', 'wrong', '10.0.0.3'));
    // from that address even the right password waits now
    expect(await code(sut.staffLogin('li', 'Right@2026', '10.0.0.3'))).toBe('RATE_LIMITED');
    expect(await code(sut.staffLogin('li', 'Right@2026', '10.0.0.2'))).toBe('ok');
  });

  it('a staff account without roles, or disabled, cannot sign in even with the right password', async () => {
    const passwordHash = await hasher.hash('Right@2026');
    await createStaffUser(ds, clock.now(), 'station_officer', org.stationA, {
      username: 'gone',
      passwordHash,
      roles: [],
    });
    await createStaffUser(ds, clock.now(), 'station_officer', org.stationA, {
      username: 'off',
      passwordHash,
      status: 'disabled',
    });
    expect(await code(sut.staffLogin('gone', 'Right@2026', '10.0.0.4'))).toBe('ACCOUNT_DISABLED');
    expect(await code(sut.staffLogin('off', 'Right@2026', '10.0.0.4'))).toBe('ACCOUNT_DISABLED');
  });

  it('refreshing for a user disabled since ends all their logins', async () => {
    const user = await createUser(ds, clock.now());
    wechat.openids.set('code-r', user.openid!);
    const login = await sut.wechatLogin('code-r');
    const next = await sut.refresh(login.refreshToken);
    expect(next.user.id).toBe(user.id);
    await ds.getRepository(User).update(user.id, { status: 'disabled' });
    expect(await code(sut.refresh(next.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    expect((await ds.getRepository(RefreshToken).findBy({ userId: user.id })).every((t) => t.revokedAt)).toBe(true);
  });

  it('binding: the provisioned phone moves the WeChat identity onto the staff account, once, audited', async () => {
    const staff = await createStaffUser(ds, clock.now(), 'branch_officer', org.branchB, { username: 'zhao' });
    const phone = unitPii.decrypt(staff.phoneEnc!);
    wechat.phones.set('phone-ok', phone).set('phone-unknown', '13999999999');
    const visitor = await createUser(ds, clock.now());
    const openid = visitor.openid;
    expect(await code(sut.bindStaff(await actorOf(visitor.id), 'phone-unknown'))).toBe('STAFF_PHONE_NOT_PROVISIONED');
    const bound = await sut.bindStaff(await actorOf(visitor.id), 'phone-ok');
    expect(bound.user.id).toBe(staff.id);
    const users = ds.getRepository(User);
    expect([
      (await users.findOneByOrFail({ id: staff.id })).openid,
      (await users.findOneByOrFail({ id: visitor.id })).openid,
    ]).toEqual([openid, null]);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'staff.bind_wechat' });
    expect([audit.actorId, audit.orgPath, audit.after]).toEqual([
      staff.id,
      org.branchB.path,
      { wechatBound: true, fromUserId: visitor.id },
    ]);
    const other = await createUser(ds, clock.now());
    expect(await code(sut.bindStaff(await actorOf(other.id), 'phone-ok'))).toBe('STAFF_ALREADY_BOUND');
    expect(await code(sut.bindStaff(await actorOf(staff.id), 'phone-ok'))).toBe('STAFF_ALREADY_BOUND');
  });
});
