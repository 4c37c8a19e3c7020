import {
  ACTIVITY_ROUTES,
  apiPath,
  type ActivityListQuery,
  type ActivityPage,
  type ActivityResponse,
  type CheckinRequest,
  type CheckoutRequest,
  type MyActivityListQuery,
  type MyActivityResponse,
  type MyActivityStatsResponse,
  type MyInsuranceResponse,
  INSURANCE_ROUTES,
  type MySignupResponse,
  type Page,
  type QrTokenResponse,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Volunteer side of activities. Pages show errors inline, so calls pass `toast: false`. */

export function listActivities(query: ActivityListQuery): Promise<ActivityPage> {
  return get<ActivityPage>(ACTIVITY_ROUTES.list, { ...query }, { toast: false });
}

export function getActivity(id: number): Promise<ActivityResponse> {
  return get<ActivityResponse>(apiPath(ACTIVITY_ROUTES.detail, { id }), undefined, { toast: false });
}

export function signUp(id: number): Promise<MySignupResponse> {
  return post<MySignupResponse>(apiPath(ACTIVITY_ROUTES.signUp, { id }), undefined, { toast: false });
}

export function cancelSignUp(id: number): Promise<MySignupResponse> {
  return post<MySignupResponse>(apiPath(ACTIVITY_ROUTES.cancelSignUp, { id }), undefined, { toast: false });
}

export function checkIn(id: number, body: CheckinRequest): Promise<MySignupResponse> {
  return post<MySignupResponse>(apiPath(ACTIVITY_ROUTES.checkIn, { id }), body, { toast: false });
}

export function checkOut(id: number, body: CheckoutRequest): Promise<MySignupResponse> {
  return post<MySignupResponse>(apiPath(ACTIVITY_ROUTES.checkOut, { id }), body, { toast: false });
}

export function myActivities(query: MyActivityListQuery): Promise<Page<MyActivityResponse>> {
  return get<Page<MyActivityResponse>>(ACTIVITY_ROUTES.mine, { ...query }, { toast: false });
}

export function myActivityStats(): Promise<MyActivityStatsResponse> {
  return get<MyActivityStatsResponse>(ACTIVITY_ROUTES.myStats, undefined, { toast: false });
}

/** The check-in code the team leader shows for an activity of their team. */
export function getTeamQrToken(id: number): Promise<QrTokenResponse> {
  return get<QrTokenResponse>(apiPath(ACTIVITY_ROUTES.teamQrToken, { id }), undefined, { toast: false });
}

/** The volunteer's own accident cover, for the 我的 page. */
export function myInsurance(): Promise<MyInsuranceResponse> {
  return get<MyInsuranceResponse>(INSURANCE_ROUTES.mine, undefined, { toast: false });
}
