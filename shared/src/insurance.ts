import type { Page } from './api.js';

/** Accident insurance (docs/product.md#insurance): policies, insured volunteers, bulk enrolment for an activity. */
export const INSURANCE_ROUTES = {
  policies: '/admin/insurance-policies',
  policy: '/admin/insurance-policies/:id',
  enrol: '/admin/insurance-policies/:id/enrolments',
  enrolActivity: '/admin/insurance-policies/:id/enrol-activity',
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
