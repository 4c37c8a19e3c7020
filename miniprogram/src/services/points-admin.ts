import {
  apiPath,
  POINTS_ROUTES,
  type AdminLedgerEntryResponse,
  type AdminLedgerQuery,
  type LedgerEntryResponse,
  type Page,
  type PointsIssuedQuery,
  type PointsIssuedResponse,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Staff side of the points ledger; imported only by the admin-activities sub-package. */

export function pointsIssued(query: PointsIssuedQuery): Promise<PointsIssuedResponse> {
  return get<PointsIssuedResponse>(POINTS_ROUTES.adminIssued, { ...query }, { toast: false });
}

export function adminLedger(query: AdminLedgerQuery): Promise<Page<AdminLedgerEntryResponse>> {
  return get<Page<AdminLedgerEntryResponse>>(POINTS_ROUTES.adminLedger, { ...query }, { toast: false });
}

export function reverseEntry(id: number, reason: string): Promise<LedgerEntryResponse> {
  return post<LedgerEntryResponse>(apiPath(POINTS_ROUTES.reverse, { id }), { reason }, { toast: false });
}
