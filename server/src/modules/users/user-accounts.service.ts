import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { StaffRole } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { whereOrgInScope } from '../../common/scope/org-scope.js';
import { User } from './user.entity.js';
import type { UserRecord } from './user-queries.js';

export interface StaffFilter {
  /** Only staff placed under this org path (a subtree). */
  orgPath?: string;
  /** Matches the display name or the user name. */
  q?: string;
  role?: StaffRole;
  page: number;
  pageSize: number;
}

export interface NewStaffAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  phoneEnc: string | null;
  phoneHash: string;
  orgUnitId: number;
  roles: StaffRole[];
  now: Date;
}

/**
 * Sign-in identities and provisioned staff accounts: the writes and look-ups the auth and staff
 * modules make on the users table.
 */
@Injectable()
export class UserAccounts {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get users() {
    return this.ds.getRepository(User);
  }

  findByOpenid(openid: string): Promise<UserRecord | null> {
    return this.users.findOneBy({ openid });
  }

  findByUsername(username: string): Promise<UserRecord | null> {
    return this.users.findOneBy({ username });
  }

  findByPhoneHash(phoneHash: string): Promise<UserRecord | null> {
    return this.users.findOneBy({ phoneHash });
  }

  /** The user of a WeChat identity; first sight of an openid creates a plain user. */
  async ensureWechatUser(openid: string, now: Date): Promise<UserRecord> {
    const user = await this.users.findOneBy({ openid });
    if (user) return user;
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
    return this.users.findOneByOrFail({ openid });
  }

  /**
   * Moves a WeChat identity from one user to another (not yet bound) one, in the caller's
   * transaction; false when the target was bound meanwhile.
   */
  async moveOpenid(
    m: EntityManager,
    openid: string,
    fromUserId: number,
    toUserId: number,
    now: Date,
  ): Promise<boolean> {
    const repo = m.getRepository(User);
    await repo.update({ id: fromUserId, openid }, { openid: null, updatedAt: now });
    const res = await repo.update({ id: toUserId, openid: IsNull() }, { openid, updatedAt: now });
    return res.affected === 1;
  }

  /** Provisioned staff (with a user name) in the actor's org subtree, with their org unit, by id. */
  async staffPage(actor: Actor, f: StaffFilter): Promise<[UserRecord[], number]> {
    const qb = this.users.createQueryBuilder('u').innerJoinAndSelect('u.orgUnit', 'ou').where('u.username IS NOT NULL');
    whereOrgInScope(qb, actor, 'u.orgUnitId');
    if (f.orgPath) qb.andWhere('ou.path LIKE :filterPath', { filterPath: `${f.orgPath}%` });
    // '!' as the LIKE escape character behaves the same on MySQL and SQLite (a backslash does not).
    if (f.q)
      qb.andWhere("(u.displayName LIKE :kw ESCAPE '!' OR u.username LIKE :kw ESCAPE '!')", {
        kw: `%${f.q.replace(/[%_!]/g, '!$&')}%`,
      });
    if (f.role) qb.andWhere('u.roles LIKE :role', { role: `%"${f.role}"%` });
    return (
      qb
        .orderBy('u.id', 'ASC')
        // offset/limit, not skip/take: the join is many-to-one, so rows do not multiply, and
        // TypeORM's skip/take two-step query grows an id list SQLite cannot parse at scale.
        .offset((f.page - 1) * f.pageSize)
        .limit(f.pageSize)
        .getManyAndCount()
    );
  }

  /** One provisioned staff member in the actor's org subtree, with their org unit. */
  staffInScope(actor: Actor, id: number): Promise<UserRecord | null> {
    const qb = this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.orgUnit', 'ou')
      .where('u.id = :id AND u.username IS NOT NULL', { id });
    return whereOrgInScope(qb, actor, 'u.orgUnitId').getOne();
  }

  usernameTaken(username: string): Promise<boolean> {
    return this.users.existsBy({ username });
  }

  phoneTaken(phoneHash: string): Promise<boolean> {
    return this.users.existsBy({ phoneHash });
  }

  /** Inserts an active staff account in the caller's transaction; returns its id. */
  async createStaff(m: EntityManager, a: NewStaffAccount): Promise<number> {
    const res = await m.getRepository(User).insert({
      username: a.username,
      displayName: a.displayName,
      passwordHash: a.passwordHash,
      phoneEnc: a.phoneEnc,
      phoneHash: a.phoneHash,
      orgUnitId: a.orgUnitId,
      roles: a.roles,
      status: 'active',
      failedLogins: 0,
      createdAt: a.now,
      updatedAt: a.now,
    });
    return res.identifiers[0].id as number;
  }

  /** Disables or re-enables a staff account in the caller's transaction. */
  async setStatus(m: EntityManager, id: number, status: 'active' | 'disabled', now: Date): Promise<void> {
    await m.getRepository(User).update({ id }, { status, updatedAt: now });
  }

  /** Replaces the password hash in the caller's transaction. */
  async setPasswordHash(m: EntityManager, id: number, passwordHash: string, now: Date): Promise<void> {
    await m.getRepository(User).update({ id }, { passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now });
  }

  /** Moves a staff account to another org unit and role set in the caller's transaction. */
  async setRolesAndOrgUnit(m: EntityManager, id: number, roles: StaffRole[], orgUnitId: number, now: Date) {
    await m.getRepository(User).update({ id }, { roles, orgUnitId, updatedAt: now });
  }
}
