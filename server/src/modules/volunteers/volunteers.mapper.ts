import {
  addCalendarDays,
  maskIdNumber,
  maskPhone,
  VOLUNTEER_STATUS_LABELS,
  VOLUNTEER_TIER_LABELS,
  type AssignmentResponse,
  type ExemptionResponse,
  type VolunteerCardResponse,
  type VolunteerListItem,
} from '@jianghuai/shared';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toOrgSummary } from '../org/org.mapper.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import type { Volunteer } from './volunteer.entity.js';
import type { StationAssignment } from './station-assignment.entity.js';
import type { DutyExemption } from './duty-exemption.entity.js';

export interface CardContext {
  station: OrgUnitRecord | null;
  company: { id: number; name: string } | null;
  today: string;
  certificateWarnDays: number;
  /** Days until inactivity revocation, or null when exempt / not active. */
  daysUntilRevocation: number | null;
}

export function toVolunteerCard(v: Volunteer, ctx: CardContext): VolunteerCardResponse {
  const soon = addCalendarDays(ctx.today, ctx.certificateWarnDays);
  return {
    memberNo: v.memberNo,
    name: v.name ?? '',
    status: v.status,
    statusLabel: VOLUNTEER_STATUS_LABELS[v.status],
    tier: v.tier,
    tierLabel: VOLUNTEER_TIER_LABELS[v.tier],
    starLevel: v.starLevel ?? 0,
    serviceHours: Math.floor((v.serviceMinutes / 60) * 10) / 10,
    station: ctx.station ? toOrgSummary(ctx.station) : null,
    company: ctx.company,
    teams: v.teams ?? [],
    skills: (v.skills ?? []).map((s) => ({
      ...s,
      expired: !!s.expiresOn && s.expiresOn < ctx.today,
      expiresSoon: !!s.expiresOn && s.expiresOn >= ctx.today && s.expiresOn <= soon,
    })),
    equipment: v.equipment ?? [],
    joinedAt: v.joinedAt.toISOString(),
    lastDutyAt: v.lastDutyAt ? v.lastDutyAt.toISOString() : null,
    daysUntilInactivityRevocation: ctx.daysUntilRevocation,
  };
}

export function toVolunteerListItem(
  v: Volunteer,
  station: OrgUnitRecord | null,
  pii: PiiCipher,
  exempt: boolean,
): VolunteerListItem {
  return {
    id: v.id,
    memberNo: v.memberNo,
    name: v.name ?? '',
    phoneMasked: maskPhone(pii.decrypt(v.phoneEnc)),
    status: v.status,
    tier: v.tier,
    starLevel: v.starLevel ?? 0,
    station: station ? toOrgSummary(station) : null,
    skills: v.skills ?? [],
    teams: v.teams ?? [],
    lastDutyAt: v.lastDutyAt ? v.lastDutyAt.toISOString() : null,
    available: v.status === 'active' && !exempt,
  };
}

export function maskedIdOf(v: Volunteer, pii: PiiCipher): string | null {
  return maskIdNumber(pii.decrypt(v.idEnc));
}

export function toExemptionResponse(e: DutyExemption, today: string): ExemptionResponse {
  return {
    id: e.id,
    reason: e.reason,
    endsOn: e.endsOn,
    createdBy: { id: e.createdById, name: e.createdByName },
    createdAt: e.createdAt.toISOString(),
    active: e.endsOn >= today,
  };
}

export function toAssignmentResponse(a: StationAssignment, units: Map<number, OrgUnitRecord>): AssignmentResponse {
  const from = a.fromStationId ? units.get(a.fromStationId) : undefined;
  return {
    id: a.id,
    fromStation: from ? toOrgSummary(from) : null,
    toStation: toOrgSummary(units.get(a.toStationId)!),
    rule: a.rule,
    reason: a.reason,
    status: a.status,
    requestedBy: a.requestedById ? { id: a.requestedById, name: a.requestedByName ?? '' } : null,
    decidedBy: a.decidedById ? { id: a.decidedById, name: a.decidedByName ?? '' } : null,
    declineReason: a.declineReason,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
  };
}
