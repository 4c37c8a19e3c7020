import {
  apiPath,
  SUPERVISION_ROUTES,
  type DismissHonestyFlagRequest,
  type HonestyFlagKind,
  type HonestyFlagPage,
  type HonestyFlagResponse,
  type HonestyFlagStatus,
  type InspectionPage,
  type InspectionResponse,
  type InspectionStatus,
  type RecordInspectionRequest,
  type RectifyInspectionRequest,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Pages show their own error state, so these calls do not toast. */
const quiet = { toast: false };

// ── inspections: officers ──

export function adminInspections(q: {
  page: number;
  pageSize: number;
  overdue?: '1';
  status?: InspectionStatus;
  companyId?: number;
}): Promise<InspectionPage> {
  return get<InspectionPage>(SUPERVISION_ROUTES.adminInspections, { ...q }, quiet);
}

export function recordInspection(body: RecordInspectionRequest): Promise<InspectionResponse> {
  return post<InspectionResponse>(SUPERVISION_ROUTES.adminInspections, body, quiet);
}

export function adminInspection(id: number): Promise<InspectionResponse> {
  return get<InspectionResponse>(apiPath(SUPERVISION_ROUTES.adminInspection, { id }), undefined, quiet);
}

export function rectifyInspection(id: number, body: RectifyInspectionRequest): Promise<InspectionResponse> {
  return post<InspectionResponse>(apiPath(SUPERVISION_ROUTES.adminInspectionRectify, { id }), body, quiet);
}

// ── inspections: the company manager ──

export function myInspections(page: number, pageSize: number): Promise<InspectionPage> {
  return get<InspectionPage>(SUPERVISION_ROUTES.companyInspections, { page, pageSize }, quiet);
}

export function myInspection(id: number): Promise<InspectionResponse> {
  return get<InspectionResponse>(apiPath(SUPERVISION_ROUTES.companyInspection, { id }), undefined, quiet);
}

export function confirmInspection(id: number, note: string): Promise<InspectionResponse> {
  return post<InspectionResponse>(apiPath(SUPERVISION_ROUTES.companyInspectionConfirm, { id }), { note }, quiet);
}

// ── honesty flags ──

export function honestyFlags(q: {
  page: number;
  pageSize: number;
  status?: HonestyFlagStatus;
  kind?: HonestyFlagKind;
}): Promise<HonestyFlagPage> {
  return get<HonestyFlagPage>(SUPERVISION_ROUTES.adminHonestyFlags, { ...q }, quiet);
}

export function honestyFlag(id: number): Promise<HonestyFlagResponse> {
  return get<HonestyFlagResponse>(apiPath(SUPERVISION_ROUTES.adminHonestyFlag, { id }), undefined, quiet);
}

export function dismissHonestyFlag(id: number, body: DismissHonestyFlagRequest): Promise<HonestyFlagResponse> {
  return post<HonestyFlagResponse>(apiPath(SUPERVISION_ROUTES.adminHonestyDismiss, { id }), body, quiet);
}
