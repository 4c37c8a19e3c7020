import {
  ACTIVITY_ROUTES,
  apiPath,
  type ActivityInput,
  type ActivityPage,
  type ActivityPlacesResponse,
  type ActivityResponse,
  type AdminActivityListQuery,
  type AttendanceItem,
  type ConfirmAttendanceResponse,
  type Page,
  type QrTokenResponse,
  type ReviewSignupsResponse,
  type SignupAdminResponse,
  type SignupListQuery,
  type WeeklyRuleResponse,
} from '@jianghuai/shared';
import { get, http, post } from './http';

/** Staff side of activities; imported only by the admin-activities sub-package. */

export function adminListActivities(query: AdminActivityListQuery): Promise<ActivityPage> {
  return get<ActivityPage>(ACTIVITY_ROUTES.adminList, { ...query }, { toast: false });
}

export function adminGetActivity(id: number): Promise<ActivityResponse> {
  return get<ActivityResponse>(apiPath(ACTIVITY_ROUTES.adminDetail, { id }), undefined, { toast: false });
}

export function createActivity(input: ActivityInput): Promise<ActivityResponse> {
  return post<ActivityResponse>(ACTIVITY_ROUTES.adminCreate, input, { toast: false });
}

export function updateActivity(id: number, input: Partial<ActivityInput>): Promise<ActivityResponse> {
  return http.request<ActivityResponse>('PUT', apiPath(ACTIVITY_ROUTES.adminUpdate, { id }), {
    body: input,
    toast: false,
  });
}

export function publishActivity(id: number): Promise<ActivityResponse> {
  return post<ActivityResponse>(apiPath(ACTIVITY_ROUTES.publish, { id }), undefined, { toast: false });
}

export function cancelActivity(id: number, reason: string): Promise<ActivityResponse> {
  return post<ActivityResponse>(apiPath(ACTIVITY_ROUTES.cancel, { id }), { reason }, { toast: false });
}

export function settleActivity(id: number): Promise<ActivityResponse> {
  return post<ActivityResponse>(apiPath(ACTIVITY_ROUTES.settle, { id }), undefined, { toast: false });
}

export function approveProposal(id: number): Promise<ActivityResponse> {
  return post<ActivityResponse>(apiPath(ACTIVITY_ROUTES.approveProposal, { id }), undefined, { toast: false });
}

export function rejectProposal(id: number, reason: string): Promise<ActivityResponse> {
  return post<ActivityResponse>(apiPath(ACTIVITY_ROUTES.rejectProposal, { id }), { reason }, { toast: false });
}

export function listSignups(id: number, query: SignupListQuery): Promise<Page<SignupAdminResponse>> {
  return get<Page<SignupAdminResponse>>(apiPath(ACTIVITY_ROUTES.signups, { id }), { ...query }, { toast: false });
}

export function reviewSignups(
  id: number,
  signupIds: number[],
  decision: 'confirm' | 'reject',
): Promise<ReviewSignupsResponse> {
  return post<ReviewSignupsResponse>(
    apiPath(ACTIVITY_ROUTES.reviewSignups, { id }),
    { signupIds, decision },
    { toast: false },
  );
}

export function getQrToken(id: number): Promise<QrTokenResponse> {
  return get<QrTokenResponse>(apiPath(ACTIVITY_ROUTES.qrToken, { id }), undefined, { toast: false });
}

export function confirmAttendance(id: number, items: AttendanceItem[]): Promise<ConfirmAttendanceResponse> {
  return post<ConfirmAttendanceResponse>(
    apiPath(ACTIVITY_ROUTES.confirmAttendance, { id }),
    { items },
    { toast: false },
  );
}

export function weeklyRule(): Promise<WeeklyRuleResponse> {
  return get<WeeklyRuleResponse>(ACTIVITY_ROUTES.weeklyRule, undefined, { toast: false });
}

/** Known places in the officer's scope whose name or address contains `q` (the H5 form's place search). */
export function searchActivityPlaces(q: string): Promise<ActivityPlacesResponse> {
  return get<ActivityPlacesResponse>(ACTIVITY_ROUTES.places, q ? { q } : {}, { toast: false });
}
