import type { LedgerEntryType } from '@jianghuai/shared';
import type { Clock } from '../../common/clock/clock.js';
import type { PointsExpiryRule } from '../../config/points.config.js';

export interface AccountState {
  balance: number;
  debt: number;
}

/** What a post does to the balance: the signed amount entered, the part of a reversal left as debt, or a refusal. */
export interface PostPlan {
  amount: number;
  debtAdded: number;
  refused: boolean;
}

/**
 * The ledger's rules for one post (docs/points.md): a credit is entered whole; a debit never takes the balance below
 * zero and is refused when it would, except a reversal, which takes what the balance holds and leaves the rest as
 * debt (points already spent).
 */
export function planPost(type: LedgerEntryType, amount: number, account: AccountState): PostPlan {
  if (amount >= 0) return { amount, debtAdded: 0, refused: false };
  if (account.balance + amount >= 0) return { amount, debtAdded: 0, refused: false };
  if (type !== 'reversal') return { amount, debtAdded: 0, refused: true };
  const taken = Math.max(0, account.balance);
  return { amount: taken ? -taken : 0, debtAdded: -amount - taken, refused: false };
}

/**
 * When points credited at `now` expire: never (`none`), or at the end of the next Shanghai calendar year
 * (`end-of-second-year`: credited in 2026, they expire when 2028-01-01 begins in Shanghai).
 */
export function expiresAt(rule: PointsExpiryRule, clock: Clock, now: Date): Date | null {
  if (rule === 'none') return null;
  const year = Number(clock.today(now).slice(0, 4));
  return clock.startOfDay(`${year + 2}-01-01`);
}
