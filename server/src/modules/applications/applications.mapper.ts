import {
  APPLICATION_STATUS_LABELS,
  maskIdNumber,
  maskPhone,
  type ApplicationResponse,
  type MyApplicationResponse,
} from '@jianghuai/shared';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toOrgSummary, type OrgUnitRecord } from '../org/org.mapper.js';
import type { Application } from './application.entity.js';
import type { CriminalRecordCheckRecord } from '../volunteers/volunteer-queries.js';

export interface ApplicationLookups {
  units: Map<number, OrgUnitRecord>;
  companies: Map<number, { id: number; name: string }>;
  sites: Map<number, { id: number; name: string }>;
  memberNos: Map<number, string>;
  checks: Map<number, CriminalRecordCheckRecord>;
  certificateNos: Map<number, string | null>;
}

export function toMyApplication(a: Application, l: ApplicationLookups, pii: PiiCipher): MyApplicationResponse {
  const community = a.residenceCommunityId ? l.units.get(a.residenceCommunityId) : undefined;
  return {
    id: a.id,
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    green: a.green,
    name: a.name,
    idNumberMasked: maskIdNumber(pii.decrypt(a.idEnc))!,
    phoneMasked: maskPhone(pii.decrypt(a.phoneEnc)),
    birthDate: a.birthDate,
    sex: a.sex,
    occupation: a.occupation,
    company: a.companyId ? (l.companies.get(a.companyId) ?? null) : null,
    site: a.siteId ? (l.sites.get(a.siteId) ?? null) : null,
    residenceCommunity: community ? toOrgSummary(community) : null,
    station: toOrgSummary(l.units.get(a.stationId)!),
    skills: a.skills ?? [],
    declarations: a.declarations,
    agreementVersion: a.agreementVersion,
    agreementSignedAt: a.agreementSignedAt.toISOString(),
    rejectReason: a.status === 'rejected' ? a.rejectReason : null,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
    memberNo: a.volunteerId ? (l.memberNos.get(a.volunteerId) ?? null) : null,
  };
}

export function toApplicationResponse(
  a: Application,
  l: ApplicationLookups,
  pii: PiiCipher,
  slaDays: number,
  now: number,
): ApplicationResponse {
  const pending = a.status === 'pending_review' || a.status === 'pending_approval';
  const check = a.criminalCheckId ? l.checks.get(a.criminalCheckId) : undefined;
  return {
    ...toMyApplication(a, l, pii),
    rejectReason: a.rejectReason,
    applicantUserId: a.userId,
    assignmentRule: a.assignmentRule,
    overdue: pending && now - a.submittedAt.getTime() > slaDays * 86_400_000,
    stage: a.status === 'pending_review' ? 'review' : a.status === 'pending_approval' ? 'approval' : null,
    stepsTotal: a.green ? 1 : 2,
    criminalCheck: check
      ? {
          result: check.result,
          checkedBy: check.checkedBy,
          checkedAt: check.checkedAt.toISOString(),
          note: check.note,
          recordedBy: { id: check.recordedById, name: check.recordedByName },
          recordedAt: check.recordedAt.toISOString(),
        }
      : null,
    steps: a.steps ?? [],
    rosterMatch: a.rosterGuardId
      ? { rosterGuardId: a.rosterGuardId, certificateNo: l.certificateNos.get(a.rosterGuardId) ?? null }
      : null,
    resubmissions: a.resubmissions,
  };
}
