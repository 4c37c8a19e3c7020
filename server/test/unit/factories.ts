import type { DataSource } from 'typeorm';
import type { StaffRole } from '@jianghuai/shared';
import type { Clock } from '../../src/common/clock/clock.js';
import { AppException } from '../../src/common/errors/app-exception.js';
import { PiiCipher } from '../../src/common/pii/pii-cipher.js';
import { AuditLog } from '../../src/modules/audit/audit-log.entity.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { readArea } from '../../src/config/config-area.js';
import { notificationsConfig } from '../../src/config/notifications.config.js';
import { Notification } from '../../src/modules/notifications/notification.entity.js';
import { NotificationsService } from '../../src/modules/notifications/notifications.service.js';
import { SubscribeConsent } from '../../src/modules/notifications/subscribe-consent.entity.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import { OrgService, createOrgUnit } from '../../src/modules/org/org.service.js';
import { User } from '../../src/modules/users/user.entity.js';
import { Volunteer } from '../../src/modules/volunteers/volunteer.entity.js';
import type { WechatApiClient } from '../../src/modules/wechat/wechat-api.client.js';

/** The unit tier's personal-data cipher: fixed test keys, so hashes are stable within a run. */
export const unitPii = new PiiCipher({
  keys: { u1: Buffer.alloc(32, 3) },
  activeKeyId: 'u1',
  hashKey: Buffer.alloc(32, 5),
});

/** The real org service and audit log on the unit database: the collaborators most services record through. */
export function unitOrg(ds: DataSource): OrgService {
  return new OrgService(ds.getRepository(OrgUnit));
}

export function unitAudit(ds: DataSource, clock: Clock): AuditService {
  return new AuditService(ds.getRepository(AuditLog), clock, unitOrg(ds));
}

/** The real notifications service, pushing to `wechat`, with the template ids `env` names (sandbox ids otherwise). */
export function unitNotifications(
  ds: DataSource,
  clock: Clock,
  wechat: FakeWechat,
  env: Record<string, string> = {},
): NotificationsService {
  return new NotificationsService(
    ds.getRepository(Notification),
    ds.getRepository(SubscribeConsent),
    ds,
    wechat.asClient(),
    clock,
    readArea(notificationsConfig.read, env),
    new UserQueries(ds),
  );
}

/** Two branches, each with a station and the first one with a community: enough to tell in-scope from out. */
export interface UnitTree {
  city: OrgUnit;
  branchA: OrgUnit;
  stationA: OrgUnit;
  communityA: OrgUnit;
  branchB: OrgUnit;
  stationB: OrgUnit;
}

export async function orgTree(ds: DataSource, at: Date): Promise<UnitTree> {
  const m = ds.manager;
  const city = await createOrgUnit(m, { code: 'C', name: '市局', level: 'city', parent: null, createdAt: at });
  const branchA = await createOrgUnit(m, {
    code: 'BA',
    name: '雨山分局',
    level: 'branch',
    parent: city,
    createdAt: at,
  });
  const stationA = await createOrgUnit(m, {
    code: 'SA',
    name: '采石派出所',
    level: 'station',
    parent: branchA,
    createdAt: at,
  });
  const communityA = await createOrgUnit(m, {
    code: 'CA',
    name: '采石社区',
    level: 'community',
    parent: stationA,
    createdAt: at,
  });
  const branchB = await createOrgUnit(m, {
    code: 'BB',
    name: '花山分局',
    level: 'branch',
    parent: city,
    createdAt: at,
  });
  const stationB = await createOrgUnit(m, {
    code: 'SB',
    name: '湖东派出所',
    level: 'station',
    parent: branchB,
    createdAt: at,
  });
  return { city, branchA, stationA, communityA, branchB, stationB };
}

let seq = 0;

/** A user row; WeChat users get an openid, staff a username, roles and org unit (pass them in `over`). */
export async function createUser(ds: DataSource, at: Date, over: Partial<User> = {}): Promise<User> {
  seq++;
  const repo = ds.getRepository(User);
  return repo.save(
    repo.create({
      openid: `unit-openid-${seq}`,
      displayName: `用户${seq}`,
      phoneEnc: null,
      phoneHash: null,
      username: null,
      passwordHash: null,
      orgUnitId: null,
      roles: [],
      status: 'active',
      failedLogins: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
      ...over,
    }),
  );
}

/** A provisioned staff account with one role at `unit`, its phone sealed with {@link unitPii}. */
export function createStaffUser(
  ds: DataSource,
  at: Date,
  role: StaffRole,
  unit: OrgUnit,
  over: Partial<User> = {},
): Promise<User> {
  const phone = `1380000${String(1000 + seq).slice(-4)}`;
  return createUser(ds, at, {
    openid: null,
    username: `staff${seq + 1}`,
    displayName: `民警${seq + 1}`,
    phoneEnc: unitPii.encrypt(phone),
    phoneHash: unitPii.hash('phone', phone),
    roles: [role],
    orgUnitId: unit.id,
    ...over,
  });
}

/** An active volunteer of `user` managed by `station`. */
export async function createVolunteer(
  ds: DataSource,
  at: Date,
  user: User,
  station: OrgUnit | null,
  over: Partial<Volunteer> = {},
): Promise<Volunteer> {
  const repo = ds.getRepository(Volunteer);
  return repo.save(
    repo.create({
      userId: user.id,
      memberNo: `U${String(user.id).padStart(8, '0')}`,
      status: 'active',
      stationId: station?.id ?? null,
      tier: 'basic',
      skills: [],
      birthDate: '1985-01-01',
      serviceMinutes: 0,
      lastDutyAt: null,
      joinedAt: at,
      createdAt: at,
      name: user.displayName,
      ...over,
    }),
  );
}

/**
 * Stands in for the WeChat server API at the client's public methods (the HTTP part is the e2e tier's):
 * records subscribe messages, answers code2Session and getPhoneNumber from what the spec taught it,
 * and fails the next `failures` pushes.
 */
export class FakeWechat {
  readonly sent: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }[] = [];
  failures = 0;
  readonly openids = new Map<string, string>();
  readonly phones = new Map<string, string>();

  async sendSubscribeMessage(msg: FakeWechat['sent'][number]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('微信接口暂不可用');
    }
    this.sent.push(msg);
  }

  async code2Session(code: string): Promise<{ openid: string }> {
    const openid = this.openids.get(code);
    if (!openid) throw new AppException('WECHAT_CODE_INVALID');
    return { openid };
  }

  async getPhoneNumber(code: string): Promise<string> {
    const phone = this.phones.get(code);
    if (!phone) throw new AppException('WECHAT_PHONE_CODE_INVALID');
    return phone;
  }

  /** Typed as the real client for constructors. */
  asClient(): WechatApiClient {
    return this as unknown as WechatApiClient;
  }
}
