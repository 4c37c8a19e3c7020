import {
  apiPath,
  INSURANCE_ROUTES,
  type CreatePolicyRequest,
  type EnrolResponse,
  type InsuranceCandidateFilters,
  type InsuranceCandidatePage,
  type InsuranceCandidateQuery,
  type PolicyPage,
  type PolicyResponse,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Accident insurance policies (staff); imported only by the admin-activities sub-package. */

export function listPolicies(query: { page: number; pageSize: number }): Promise<PolicyPage> {
  return get<PolicyPage>(INSURANCE_ROUTES.policies, { ...query }, { toast: false });
}

export function createPolicy(input: CreatePolicyRequest): Promise<PolicyResponse> {
  return post<PolicyResponse>(INSURANCE_ROUTES.policies, input, { toast: false });
}

export function enrolActivity(policyId: number, activityId: number): Promise<EnrolResponse> {
  return post<EnrolResponse>(
    apiPath(INSURANCE_ROUTES.enrolActivity, { id: policyId }),
    { activityId },
    { toast: false },
  );
}

export function getPolicy(policyId: number): Promise<PolicyResponse> {
  return get<PolicyResponse>(apiPath(INSURANCE_ROUTES.policy, { id: policyId }), undefined, { toast: false });
}

/** Volunteers in scope who may be enrolled under the policy (search, station, team, tier, not yet insured). */
export function listCandidates(policyId: number, query: InsuranceCandidateQuery): Promise<InsuranceCandidatePage> {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params[k] = v as string | number;
  return get<InsuranceCandidatePage>(apiPath(INSURANCE_ROUTES.candidates, { id: policyId }), params, { toast: false });
}

export function candidateFilters(policyId: number): Promise<InsuranceCandidateFilters> {
  return get<InsuranceCandidateFilters>(apiPath(INSURANCE_ROUTES.candidateFilters, { id: policyId }), undefined, {
    toast: false,
  });
}

export function enrolVolunteers(policyId: number, volunteerIds: number[]): Promise<EnrolResponse> {
  return post<EnrolResponse>(apiPath(INSURANCE_ROUTES.enrol, { id: policyId }), { volunteerIds }, { toast: false });
}
