import type { EntityManager } from 'typeorm';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { currentAgreement } from '../../modules/applications/agreement.js';
import { Application } from '../../modules/applications/application.entity.js';
import type { OrgUnit } from '../../modules/org/org-unit.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { sandboxOpenId } from '../../wechat-sandbox/sandbox-server.js';
import { DEMO_OVERDUE_APPLICATION } from './demo-data.js';

const DAY_MS = 86_400_000;

/**
 * The demo's review queue: one application submitted days before the seeding instant, so it is overdue from the
 * start and the review-time warning job (定时任务 → review-sla-warnings) has something to tell the station about.
 */
export async function seedOverdueApplication(
  m: EntityManager,
  byCode: Map<string, OrgUnit>,
  pii: PiiCipher,
  now: Date,
): Promise<void> {
  const a = DEMO_OVERDUE_APPLICATION;
  const submittedAt = new Date(now.getTime() - a.submittedDaysAgo * DAY_MS);
  const user = await m.getRepository(User).insert({
    openid: sandboxOpenId(a.sandboxName),
    displayName: a.name,
    phoneEnc: pii.encrypt(a.phone),
    phoneHash: pii.hash('phone', a.phone),
    roles: [],
    status: 'active',
    failedLogins: 0,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  });
  const community = byCode.get(a.communityCode)!;
  const idHash = pii.hash('id_number', a.idNumber);
  await m.getRepository(Application).insert({
    userId: user.identifiers[0].id as number,
    status: 'pending_review',
    green: false,
    rosterGuardId: null,
    name: a.name,
    idEnc: pii.encrypt(a.idNumber),
    idHash,
    openKey: idHash,
    birthDate: a.birthDate,
    sex: a.sex,
    phoneEnc: pii.encrypt(a.phone),
    phoneHash: pii.hash('phone', a.phone),
    occupation: 'other',
    companyId: null,
    siteId: null,
    residenceCommunityId: community.id,
    lat: null,
    lng: null,
    stationId: byCode.get(a.stationCode)!.id,
    assignmentRule: 'residence',
    reviewOrgUnitId: community.id,
    orgPath: community.path,
    skills: [{ name: '心理疏导' }],
    declarations: { noCriminalRecord: true, physicallyFit: true },
    agreementVersion: currentAgreement().version,
    agreementSignedAt: submittedAt,
    criminalCheckId: null,
    steps: [],
    rejectReason: null,
    resubmissions: 0,
    submittedAt,
    decidedAt: null,
    volunteerId: null,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  });
}
