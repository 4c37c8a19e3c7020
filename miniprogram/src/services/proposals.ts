import { ACTIVITY_ROUTES, type ActivityInput, type ActivityPage, type ActivityResponse } from '@jianghuai/shared';
import { get, post } from './http';

/** Proposals by a volunteer or a company manager; imported only by the proposals sub-package. */

export function proposeActivity(input: ActivityInput): Promise<ActivityResponse> {
  return post<ActivityResponse>(ACTIVITY_ROUTES.propose, input, { toast: false });
}

export function myProposals(query: { page: number; pageSize: number }): Promise<ActivityPage> {
  return get<ActivityPage>(ACTIVITY_ROUTES.myProposals, { ...query }, { toast: false });
}
