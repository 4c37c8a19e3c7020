import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import type { Actor } from '../../common/auth/actor.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { LoginBrakeService } from '../../common/auth/login-brake.service.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { ActorLoader } from './actor-loader.service.js';
import { toMeResponse } from './me.mapper.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { AuditService } from '../audit/audit.service.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly clock: Clock,
    private readonly users: UserAccounts,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly wechat: WechatApiClient,
    private readonly actors: ActorLoader,
    private readonly hasher: PasswordHasher,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly brake: LoginBrakeService,
  ) {}

  /** wx.login code → code2Session → openid; first sight of an openid creates a plain user. */
  async wechatLogin(code: string): Promise<LoginResponse> {
    const { openid } = await this.wechat.code2Session(code);
    const user = await this.users.ensureWechatUser(openid, this.clock.now());
    if (user.status !== 'active') throw new AppException('ACCOUNT_DISABLED');
    return this.loginResponse(user.id);
  }

  /**
   * Username + password for staff on the desktop H5 build. Every attempt first passes the login
   * brake (per account and address, counted in the database); an unknown user name and a wrong
   * password get the same answer, and nobody can lock a real user out from elsewhere.
   */
  async staffLogin(username: string, password: string, address: string): Promise<LoginResponse> {
    const attempt = { route: 'staff-login', username, address };
    await this.brake.claim(attempt);
    const user = await this.users.findByUsername(username);
    const ok = await this.hasher.verify(password, user?.passwordHash ?? null);
    if (!user || !ok) throw new AppException('INVALID_CREDENTIALS');
    await this.brake.succeeded(attempt);
    if (user.status !== 'active' || user.roles.length === 0) throw new AppException('ACCOUNT_DISABLED');
    return this.loginResponse(user.id);
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const { userId, pair } = await this.tokens.rotate(refreshToken);
    const person = await this.actors.loadPerson(userId);
    if (!person || person.user.status !== 'active') {
      await this.tokens.revokeAllForUser(userId);
      throw new AppException('REFRESH_TOKEN_INVALID');
    }
    return { ...pair, user: toMeResponse(person, this.pii) };
  }

  logout(actor: Actor, refreshToken: string): Promise<void> {
    return this.tokens.revokeByToken(actor.userId, refreshToken);
  }

  /**
   * A provisioned staff member, signed in through WeChat, proves the provisioned phone number
   * (getPhoneNumber); the WeChat identity then moves onto the staff account.
   */
  async bindStaff(actor: Actor, phoneCode: string): Promise<LoginResponse> {
    if (!actor.openid) throw AppException.forbidden();
    if (actor.isStaff) throw new AppException('STAFF_ALREADY_BOUND');
    const phone = await this.wechat.getPhoneNumber(phoneCode);
    const staff = await this.users.findByPhoneHash(this.pii.hash('phone', phone));
    if (!staff || staff.roles.length === 0) throw new AppException('STAFF_PHONE_NOT_PROVISIONED');
    if (staff.openid) throw new AppException('STAFF_ALREADY_BOUND');
    const openid = actor.openid;
    await this.dataSource.transaction(async (m) => {
      if (!(await this.users.moveOpenid(m, openid, actor.userId, staff.id, this.clock.now())))
        throw new AppException('STAFF_ALREADY_BOUND');
      await this.audit.record(m, this.actors.toActor({ user: staff, volunteer: null }, actor.ip), {
        action: 'staff.bind_wechat',
        targetType: 'user',
        targetId: String(staff.id),
        orgUnitId: staff.orgUnitId,
        after: { wechatBound: true, fromUserId: actor.userId },
      });
    });
    await this.tokens.revokeAllForUser(actor.userId);
    return this.loginResponse(staff.id);
  }

  private async loginResponse(userId: number): Promise<LoginResponse> {
    const person = await this.actors.loadPerson(userId);
    if (!person) throw AppException.unauthenticated();
    const pair = await this.tokens.issue(userId);
    return { ...pair, user: toMeResponse(person, this.pii) };
  }
}
