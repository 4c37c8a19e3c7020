import type { Page } from './api.js';
import type { VolunteerTier } from './roles.js';

/** Accident insurance (docs/product.md#insurance): policies, insured volunteers, bulk enrolment for an activity. */
export const INSURANCE_ROUTES = {
  policies: '/admin/insurance-policies',
  policy: '/admin/insurance-policies/:id',
  enrol: '/admin/insurance-policies/:id/enrolments',
  enrolActivity: '/admin/insurance-policies/:id/enrol-activity',
  candidates: '/admin/insurance-policies/:id/candidates',
  candidateFilters: '/admin/insurance-policies/:id/candidate-filters',
  mine: '/me/insurance',
} as const;

export interface CreatePolicyRequest {
  insurer: string;
  policyNo: string;
  /** ISO date-times: cover starts and ends. */
  validFrom: string;
  validTo: string;
  /** Org that holds the policy (in the viewer's scope); default the viewer's unit. */
  orgUnitId?: number;
}

export interface PolicyResponse {
  id: number;
  insurer: string;
  policyNo: string;
  validFrom: string;
  validTo: string;
  orgUnit: { id: number; name: string };
  insuredCount: number;
  createdAt: string;
}
export type PolicyPage = Page<PolicyResponse>;

export interface EnrolRequest {
  volunteerIds: number[];
}
export interface EnrolActivityRequest {
  activityId: number;
}
export interface EnrolResponse {
  enrolled: number;
  alreadyInsured: number;
  insuredCount: number;
}

export interface MyInsuranceResponse {
  policies: { id: number; insurer: string; policyNo: string; validFrom: string; validTo: string; activeNow: boolean }[];
}

/** 只看未投保: `policy` = not under this policy; `any` = no policy in force now. */
export const UNINSURED_FILTERS = ['policy', 'any'] as const;
export type UninsuredFilter = (typeof UNINSURED_FILTERS)[number];

/** Choosing volunteers to enrol under a policy: active volunteers of the stations in the viewer's scope. */
export interface InsuranceCandidateQuery {
  page: number;
  pageSize: number;
  /** Name or member number contains, or the last 4 digits of the phone. */
  q?: string;
  stationId?: number;
  teamId?: number;
  tier?: VolunteerTier;
  uninsured?: UninsuredFilter;
}

export interface InsuranceCandidate {
  id: number;
  name: string;
  memberNo: string;
  tier: VolunteerTier;
  station: { id: number; name: string } | null;
  phoneMasked: string | null;
  /** Already enrolled under this policy. */
  inPolicy: boolean;
  /** The latest end of any policy covering them now (ISO), else null. */
  coveredUntil: string | null;
}
export type InsuranceCandidatePage = Page<InsuranceCandidate>;

/** The choices of the candidate filters: stations and teams in the viewer's scope. */
export interface InsuranceCandidateFilters {
  stations: { id: number; name: string }[];
  teams: { id: number; name: string; stationId: number }[];
}
