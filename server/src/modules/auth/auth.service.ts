import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { LoginResponse } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import type { Actor } from '../../common/auth/actor.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { LoginBrakeService } from '../../common/auth/login-brake.service.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { User } from '../users/user.entity.js';
import { ActorLoader } from '../users/actor-loader.service.js';
import { toMeResponse } from '../users/me.mapper.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { AuditService } from '../audit/audit.service.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly clock: Clock,
    @InjectRepository(User) private readonly users: Repository<User>,
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
    let user = await this.users.findOneBy({ openid });
    if (!user) {
      const now = this.clock.now();
      await this.users
        .createQueryBuilder()
        .insert()
        .values({
          openid,
          displayName: '微信用户',
          roles: [],
          status: 'active',
          failedLogins: 0,
          createdAt: now,
          updatedAt: now,
        })
        .orIgnore() // two first logins at once: the unique openid keeps one row
        .execute();
      user = await this.users.findOneByOrFail({ openid });
    }
    if (user.status !== 'active') throw new AppException('ACCOUNT_DISABLED', HttpStatus.FORBIDDEN);
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
    const user = await this.users.findOneBy({ username });
    const ok = await this.hasher.verify(password, user?.passwordHash ?? null);
    if (!user || !ok) throw new AppException('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED);
    await this.brake.succeeded(attempt);
    if (user.status !== 'active' || user.roles.length === 0)
      throw new AppException('ACCOUNT_DISABLED', HttpStatus.FORBIDDEN);
    return this.loginResponse(user.id);
  }

  async refresh(refreshToken: string): Promise<LoginResponse> {
    const { userId, pair } = await this.tokens.rotate(refreshToken);
    const person = await this.actors.loadPerson(userId);
    if (!person || person.user.status !== 'active') {
      await this.tokens.revokeAllForUser(userId);
      throw new AppException('REFRESH_TOKEN_INVALID', HttpStatus.UNAUTHORIZED);
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
    if (actor.isStaff) throw AppException.conflict('STAFF_ALREADY_BOUND');
    const phone = await this.wechat.getPhoneNumber(phoneCode);
    const staff = await this.users.findOneBy({ phoneHash: this.pii.hash('phone', phone) });
    if (!staff || staff.roles.length === 0) throw new AppException('STAFF_PHONE_NOT_PROVISIONED', HttpStatus.NOT_FOUND);
    if (staff.openid) throw AppException.conflict('STAFF_ALREADY_BOUND');
    const openid = actor.openid;
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(User);
      await repo.update({ id: actor.userId, openid }, { openid: null, updatedAt: this.clock.now() });
      const res = await repo.update({ id: staff.id, openid: IsNull() }, { openid, updatedAt: this.clock.now() });
      if (res.affected !== 1) throw AppException.conflict('STAFF_ALREADY_BOUND');
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
