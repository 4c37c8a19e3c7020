import type { LedgerEntryResponse } from '@jianghuai/shared';
import { formatDateTime } from './format';

/** `+10` / `-5`: the sign in words' place, so colour is never the only signal. */
export function formatPointsAmount(amount: number): string {
  return amount > 0 ? `+${amount}` : String(amount);
}

/** One ledger line in words: what, when, and whether it was later corrected. */
export function ledgerLine(
  e: Pick<LedgerEntryResponse, 'typeLabel' | 'description' | 'createdAt' | 'reversedById' | 'awardingOrg'>,
): {
  title: string;
  meta: string;
  note: string | null;
} {
  const title = e.description || e.typeLabel;
  const meta = [formatDateTime(e.createdAt), e.awardingOrg?.name].filter(Boolean).join(' · ');
  return { title, meta, note: e.reversedById ? '此笔已被冲正（撤回）' : null };
}
