import type { AdminLedgerEntryResponse, LedgerEntryResponse } from '@jianghuai/shared';

const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-29` in Asia/Shanghai, whatever the phone's zone; the input unchanged when unreadable. */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + SHANGHAI_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export type IssuedPeriod = 'all' | 'month';

/** The `from`/`to` query of GET /admin/points/issued: everything, or this month so far (Shanghai). */
export function issuedQuery(period: IssuedPeriod, now: Date): { from?: string; to?: string } {
  if (period === 'all') return {};
  const today = formatDate(now.toISOString());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Only a credit that has not been reversed yet can be reversed (the server refuses the rest). */
export function canReverse(e: Pick<LedgerEntryResponse, 'type' | 'amount' | 'reversedById'>): boolean {
  return e.type !== 'reversal' && e.amount > 0 && e.reversedById === null;
}

/** A reversal is audited and the volunteer sees it: the reason must say something, 2–200 characters. */
export function validateReversalReason(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 2) return '请写明冲正原因（至少 2 个字），会记入操作日志';
  if (r.length > 200) return '冲正原因不能超过 200 个字';
  return null;
}

/** The question asked before sending a reversal. */
export function reversalConfirmText(e: Pick<AdminLedgerEntryResponse, 'amount' | 'volunteer'>): string {
  return `将从 ${e.volunteer.name} 的积分中扣回 ${e.amount} 分，并记入操作日志，不能撤销。确定冲正吗？`;
}

/** The state of a ledger row in words (reversed rows stay visible: the ledger is append-only). */
export function ledgerEntryState(e: Pick<LedgerEntryResponse, 'reversalOfId' | 'reversedById'>): string | null {
  if (e.reversalOfId !== null) return `冲正第 ${e.reversalOfId} 号记录`;
  if (e.reversedById !== null) return '已冲正';
  return null;
}
