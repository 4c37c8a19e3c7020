import { POINTS_ROUTES, type LedgerEntryResponse, type PointsAdjustmentRequest } from '@jianghuai/shared';
import { post } from './http';

/** 积分调整 by an officer (audited on the server); imported only by the volunteer archive (admin-applications). */
export function adjustPoints(body: PointsAdjustmentRequest): Promise<LedgerEntryResponse> {
  return post<LedgerEntryResponse>(POINTS_ROUTES.adjustments, body, { toast: false });
}
