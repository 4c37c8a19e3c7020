import {
  ROUTES,
  apiPath,
  type AuditLogResponse,
  type CreateStaffRequest,
  type Page,
  type ResetPasswordResponse,
  type StaffResponse,
  type StaffStatus,
  type StaffStatusRequest,
  type UnitContact,
  type UnitContactKind,
  type UnitContactRequest,
  type UnitContactsResponse,
  type UpdateStaffRequest,
} from '@jianghuai/shared';
import { get, http, post } from './http';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export function listStaff(query: PageQuery & { q?: string }): Promise<Page<StaffResponse>> {
  return get<Page<StaffResponse>>(ROUTES.adminStaff, { ...query }, { toast: false });
}

export function listAuditLogs(query: PageQuery): Promise<Page<AuditLogResponse>> {
  return get<Page<AuditLogResponse>>(ROUTES.adminAuditLogs, { ...query }, { toast: false });
}

// ── staff accounts and unit contacts (docs/product.md#staff-accounts) ──

export const getStaff = (id: number) =>
  get<StaffResponse>(apiPath(ROUTES.adminStaffMember, { id }), undefined, { toast: false });

export const createStaff = (body: CreateStaffRequest) => post<StaffResponse>(ROUTES.adminStaff, body, { toast: false });

export const updateStaff = (id: number, body: UpdateStaffRequest) =>
  http.request<StaffResponse>('PUT', apiPath(ROUTES.adminStaffMember, { id }), { body, toast: false });

export const setStaffStatus = (id: number, status: StaffStatus) =>
  post<StaffResponse>(apiPath(ROUTES.adminStaffStatus, { id }), { status } satisfies StaffStatusRequest, {
    toast: false,
  });

export const resetStaffPassword = (id: number) =>
  post<ResetPasswordResponse>(apiPath(ROUTES.adminStaffResetPassword, { id }), {}, { toast: false });

export const listUnitContacts = (query: PageQuery) =>
  get<Page<UnitContactsResponse>>(ROUTES.adminUnitContacts, { ...query }, { toast: false });

export const saveUnitContact = (orgUnitId: number, kind: UnitContactKind, body: UnitContactRequest) =>
  http.request<UnitContact>('PUT', apiPath(ROUTES.adminUnitContact, { orgUnitId, kind }), { body, toast: false });

export const revealUnitContact = (orgUnitId: number, kind: UnitContactKind) =>
  post<{ field: 'phone'; value: string | null }>(
    apiPath(ROUTES.adminUnitContactReveal, { orgUnitId, kind }),
    {},
    { toast: false },
  );
