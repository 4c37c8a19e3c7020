import type { DataSource, EntityManager } from 'typeorm';
import type { PasswordHasher } from '../../common/auth/password-hasher.js';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { OrgUnit } from '../../modules/org/org-unit.entity.js';
import { createOrgUnit } from '../../modules/org/org.service.js';
import { User } from '../../modules/users/user.entity.js';
import { Volunteer } from '../../modules/volunteers/volunteer.entity.js';
import { sandboxOpenId } from '../../wechat-sandbox/sandbox-server.js';
import { seedEnrolmentDemo } from './seed-enrolment.js';
import { seedOverdueApplication } from './seed-review-queue.js';
import { seedMallDemo, type DemoLedger } from './seed-mall.js';
import { seedCallupsDemo } from './seed-callups.js';
import { DEMO_ORG, DEMO_PASSWORD, DEMO_STAFF, DEMO_VOLUNTEERS, type DemoUnit } from './demo-data.js';

async function insertUnit(
  m: EntityManager,
  unit: DemoUnit,
  parent: OrgUnit | null,
  byCode: Map<string, OrgUnit>,
  now: Date,
): Promise<void> {
  const row = await createOrgUnit(m, { ...unit, parent, createdAt: now });
  byCode.set(unit.code, row);
  for (const child of unit.children ?? []) await insertUnit(m, child, row, byCode, now);
}

/** Seeds the org tree and only that (used by tests that bring their own people). */
export async function seedOrgTree(m: EntityManager, now: Date): Promise<Map<string, OrgUnit>> {
  const byCode = new Map<string, OrgUnit>();
  await insertUnit(m, DEMO_ORG, null, byCode, now);
  return byCode;
}

/**
 * Demo data for a first run: the org tree, a staff member for every role, volunteers (five at 平湖派出所, one at
 * 解放路派出所), an application waiting past the review time, and the points mall's demo shop.
 * Runs once: an existing org tree means the database was seeded already.
 */
export async function seedDemo(
  dataSource: DataSource,
  pii: PiiCipher,
  hasher: PasswordHasher,
  now: Date,
  /** The points ledger, for the demo's starting points (none: the shop is seeded without them). */
  ledger: DemoLedger | null = null,
): Promise<boolean> {
  if ((await dataSource.getRepository(OrgUnit).count()) > 0) return false;
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await dataSource.transaction(async (m) => {
    const byCode = await seedOrgTree(m, now);
    for (const s of DEMO_STAFF) {
      await m.getRepository(User).insert({
        username: s.username,
        displayName: s.displayName,
        passwordHash,
        phoneEnc: pii.encrypt(s.phone),
        phoneHash: pii.hash('phone', s.phone),
        orgUnitId: byCode.get(s.orgCode)!.id,
        roles: s.roles,
        status: 'active',
        failedLogins: 0,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const v of DEMO_VOLUNTEERS) {
      const res = await m.getRepository(User).insert({
        openid: sandboxOpenId(v.sandboxName),
        displayName: v.displayName,
        phoneEnc: pii.encrypt(v.phone),
        phoneHash: pii.hash('phone', v.phone),
        roles: [],
        status: 'active',
        failedLogins: 0,
        createdAt: now,
        updatedAt: now,
      });
      await m.getRepository(Volunteer).insert({
        userId: res.identifiers[0].id as number,
        memberNo: v.memberNo,
        name: v.displayName,
        status: 'active',
        stationId: byCode.get(v.stationCode)!.id,
        tier: v.tier,
        skills: v.skills,
        birthDate: v.birthDate,
        serviceMinutes: 0,
        lastDutyAt: null,
        joinedAt: now,
        createdAt: now,
      });
    }
    await seedEnrolmentDemo(m, byCode, pii, now);
    await seedOverdueApplication(m, byCode, pii, now);
    await seedMallDemo(m, byCode, ledger, now);
    await seedCallupsDemo(m, byCode, now);
  });
  return true;
}
