import { LEDGER_ENTRY_TYPE_LABELS, type LedgerEntryResponse } from '@jianghuai/shared';
import type { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';

export function toLedgerEntryResponse(
  e: PointsLedgerEntry,
  orgName: Map<number, string>,
  reversedBy: Map<number, number>,
): LedgerEntryResponse {
  return {
    id: e.id,
    type: e.type,
    typeLabel: LEDGER_ENTRY_TYPE_LABELS[e.type],
    amount: e.amount,
    balanceAfter: e.balanceAfter,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    description: e.description,
    awardingOrg: e.awardingOrgId ? { id: e.awardingOrgId, name: orgName.get(e.awardingOrgId) ?? '' } : null,
    reversalOfId: e.reversalOfId,
    reversedById: reversedBy.get(e.id) ?? null,
    reason: e.reason,
    createdAt: e.createdAt.toISOString(),
  };
}
