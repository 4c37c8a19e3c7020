import {
  apiPath,
  INSURANCE_ROUTES,
  type CreatePolicyRequest,
  type EnrolResponse,
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
