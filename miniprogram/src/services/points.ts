import { POINTS_ROUTES, type LedgerPage, type MyPointsResponse } from '@jianghuai/shared';
import { get } from './http';

export function myPoints(): Promise<MyPointsResponse> {
  return get<MyPointsResponse>(POINTS_ROUTES.myPoints, undefined, { toast: false });
}

export function myLedger(query: { page: number; pageSize: number }): Promise<LedgerPage> {
  return get<LedgerPage>(POINTS_ROUTES.myLedger, { ...query }, { toast: false });
}
