import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLE_LEVELS, type Page, type StaffResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PasswordHasher } from '../../common/auth/password-hasher.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { assertPathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import type { UserRecord } from '../users/user-queries.js';
import { toStaffResponse } from './staff.mapper.js';
import type { CreateStaffDto, StaffQueryDto } from './staff.dto.js';
import { Clock } from '../../common/clock/clock.js';
import { isDuplicateKey } from '../../database/raw-sql.js';

/** Provisioned staff accounts, always within the viewer's org subtree. */
@Injectable()
export class StaffService {
  constructor(
    private readonly users: UserAccounts,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly hasher: PasswordHasher,
    private readonly pii: PiiCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, q: StaffQueryDto): Promise<Page<StaffResponse>> {
    let orgPath: string | undefined;
    if (q.orgUnitId) {
      const filter = await this.org.findById(q.orgUnitId);
      assertPathInScope(actor, filter?.path);
      orgPath = filter!.path;
    }
    const [rows, total] = await this.users.staffPage(actor, {
      orgPath,
      q: q.q,
      role: q.role,
      page: q.page,
      pageSize: q.pageSize,
    });
    return toPage(
      rows.map((u) => toStaffResponse(u, this.pii)),
      total,
      q,
    );
  }

  async get(actor: Actor, id: number): Promise<StaffResponse> {
    return toStaffResponse(await this.loadInScope(actor, id), this.pii);
  }

  async create(actor: Actor, dto: CreateStaffDto): Promise<StaffResponse> {
    const unit = await this.org.findById(dto.orgUnitId);
    if (!unit) throw AppException.notFound({ orgUnitId: dto.orgUnitId });
    assertPathInScope(actor, unit.path);
    for (const role of dto.roles) {
      if (!ROLE_LEVELS[role].includes(unit.level))
        throw new AppException('ROLE_NOT_ALLOWED_AT_LEVEL', { role, level: unit.level });
    }
    // Nobody can hand out a role above their own reach: only sysadmins create sysadmins.
    if (dto.roles.includes('sysadmin') && !actor.staffRoles.includes('sysadmin')) throw AppException.forbidden();
    const phoneHash = this.pii.hash('phone', dto.phone);
    if (await this.users.usernameTaken(dto.username)) throw new AppException('USERNAME_TAKEN', { field: 'username' });
    if (await this.users.phoneTaken(phoneHash)) throw new AppException('PHONE_TAKEN', { field: 'phone' });
    const passwordHash = await this.hasher.hash(dto.password);
    const id = await this.dataSource
      .transaction(async (m) => {
        const now = this.clock.now();
        const newId = await this.users.createStaff(m, {
          username: dto.username,
          displayName: dto.displayName,
          passwordHash,
          phoneEnc: this.pii.encrypt(dto.phone),
          phoneHash,
          orgUnitId: unit.id,
          roles: dto.roles,
          now,
        });
        await this.audit.record(m, actor, {
          action: 'staff.create',
          targetType: 'user',
          targetId: String(newId),
          orgUnitId: unit.id,
          after: { username: dto.username, displayName: dto.displayName, roles: dto.roles, orgUnitId: unit.id },
        });
        return newId;
      })
      .catch((err: unknown) => {
        // A simultaneous create with the same username or phone loses on the unique index.
        if (isDuplicateKey(err)) throw new AppException('USERNAME_TAKEN');
        throw err;
      });
    return this.get(actor, id);
  }

  /** Full phone number for staff with the right; every reveal is audited. */
  async reveal(actor: Actor, id: number, field: 'phone'): Promise<{ field: 'phone'; value: string | null }> {
    const user = await this.loadInScope(actor, id);
    const value = this.pii.decrypt(user.phoneEnc);
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'pii.reveal',
        targetType: 'user',
        targetId: String(id),
        orgUnitId: user.orgUnitId,
        after: { field },
      }),
    );
    return { field, value };
  }

  private async loadInScope(actor: Actor, id: number): Promise<UserRecord> {
    const user = await this.users.staffInScope(actor, id);
    if (!user) throw AppException.notFound();
    return user;
  }
}
