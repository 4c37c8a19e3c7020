import { ROUTES, type AuditLogResponse, type Page, type StaffResponse } from '@jianghuai/shared';
import { get } from './http';

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
