import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLE_LEVELS, type ResetPasswordResponse, type StaffRole, type StaffStatus } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { assertPathInScope } from '../../common/scope/org-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { SessionsService } from '../auth/sessions.service.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import type { UserRecord } from '../users/user-queries.js';

/** Letters and digits without look-alikes (0/O, 1/l/I), so a password read aloud or copied by hand survives. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
const PASSWORD_LENGTH = 12;

/** A temporary password from the system's CSPRNG: 12 characters (about 68 bits), at least one letter and one digit. */
export function temporaryPassword(): string {
  for (;;) {
    let pw = '';
    for (let i = 0; i < PASSWORD_LENGTH; i++) pw += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    if (/[A-Za-z]/.test(pw) && /\d/.test(pw)) return pw;
  }
}

/**
 * What an administrator does to an existing staff account: disable or enable it, reset its password,
 * change its roles and org unit. Sysadmins act on everyone; city and branch officers on accounts in
 * their subtree, never on their own account and never on a sysadmin. Every change is audited.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly users: UserAccounts,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * A disabled account's requests are refused from the next one on (the guard reloads the account each time), and its
   * logins end with it: enabling it again does not bring them back, the person signs in anew.
   */
  async setStatus(actor: Actor, id: number, status: StaffStatus): Promise<void> {
    const user = await this.target(actor, id);
    if (user.status === status) return;
    await this.dataSource.transaction(async (m) => {
      await this.users.setStatus(m, id, status, this.clock.now());
      if (status === 'disabled') await this.sessions.endAll(m, id, this.clock.now());
      await this.audit.record(m, actor, {
        action: status === 'disabled' ? 'staff.disable' : 'staff.enable',
        targetType: 'user',
        targetId: String(id),
        orgUnitId: user.orgUnitId,
        before: { status: user.status },
        after: { status },
      });
    });
  }

  /**
   * A new temporary password, returned once; only its hash is stored and the audit entry holds neither. Every login of
   * the account ends in the same transaction: whoever held the old password (or a phone signed in with it) is out.
   */
  async resetPassword(actor: Actor, id: number): Promise<ResetPasswordResponse> {
    const user = await this.target(actor, id);
    const password = temporaryPassword();
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (m) => {
      await this.users.setPasswordHash(m, id, passwordHash, this.clock.now());
      await this.sessions.endAll(m, id, this.clock.now());
      await this.audit.record(m, actor, {
        action: 'staff.reset_password',
        targetType: 'user',
        targetId: String(id),
        orgUnitId: user.orgUnitId,
      });
    });
    return { password };
  }

  /** New roles and org unit: the unit in the actor's scope, each role allowed at its level, sysadmin only from a sysadmin. */
  async update(actor: Actor, id: number, change: { roles: StaffRole[]; orgUnitId: number }): Promise<void> {
    const user = await this.target(actor, id);
    const unit = await this.org.findById(change.orgUnitId);
    assertPathInScope(actor, unit?.path);
    const roles = [...new Set(change.roles)];
    for (const role of roles) {
      if (!ROLE_LEVELS[role].includes(unit!.level))
        throw new AppException('ROLE_NOT_ALLOWED_AT_LEVEL', { role, level: unit!.level });
    }
    if (roles.includes('sysadmin') && !actor.staffRoles.includes('sysadmin')) throw AppException.forbidden();
    await this.dataSource.transaction(async (m) => {
      await this.users.setRolesAndOrgUnit(m, id, roles, unit!.id, this.clock.now());
      await this.audit.record(m, actor, {
        action: 'staff.update',
        targetType: 'user',
        targetId: String(id),
        orgUnitId: unit!.id,
        before: { roles: user.roles, orgUnitId: user.orgUnitId },
        after: { roles, orgUnitId: unit!.id },
      });
    });
  }

  /** The account in the actor's subtree (404 otherwise), not their own, not a sysadmin unless they are one. */
  private async target(actor: Actor, id: number): Promise<UserRecord> {
    const user = await this.users.staffInScope(actor, id);
    if (!user) throw AppException.notFound();
    if (user.id === actor.userId) throw new AppException('STAFF_SELF_ACTION');
    if (user.roles.includes('sysadmin') && !actor.staffRoles.includes('sysadmin'))
      throw new AppException('STAFF_ABOVE_ACTOR');
    return user;
  }
}
