import { POINTS_ADJUSTMENT_MAX, type LedgerEntryResponse } from '@jianghuai/shared';
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

/**
 * 积分调整 as typed: 增加 or 扣减, a whole number 1–POINTS_ADJUSTMENT_MAX and a reason of 2–100 characters. The signed
 * amount to send, or what to fix first.
 */
export function adjustmentInput(
  direction: 'add' | 'take',
  amountText: string,
  reasonText: string,
): { amount: number; reason: string } | { problem: string } {
  const text = amountText.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > POINTS_ADJUSTMENT_MAX)
    return { problem: `请填写 1 到 ${POINTS_ADJUSTMENT_MAX} 之间的整数积分` };
  const reason = reasonText.trim();
  if (reason.length < 2) return { problem: '请填写调整原因（至少 2 个字）' };
  if (reason.length > 100) return { problem: '调整原因最多 100 个字' };
  return { amount: direction === 'add' ? n : -n, reason };
}

/** What the officer reads after an adjustment went through. */
export function adjustmentDone(amount: number, balanceAfter: number): string {
  return `${amount > 0 ? `已增加 ${amount}` : `已扣减 ${-amount}`} 积分，该义警现有 ${balanceAfter} 积分，已记入操作日志。`;
}
