import type { Page } from './api.js';

/**
 * Points ledger (docs/product.md#points): every change is an append-only entry with a unique idempotency key;
 * the cached balance equals the sum of the entries and never goes below zero.
 */
export const POINTS_ROUTES = {
  myPoints: '/me/points',
  myLedger: '/me/points/ledger',
  adminIssued: '/admin/points/issued',
  adminLedger: '/admin/points/ledger',
  reverse: '/admin/points/entries/:id/reverse',
  adjustments: '/admin/points/adjustments',
} as const;

export const LEDGER_ENTRY_TYPES = [
  'activity',
  'tip',
  'callup',
  'training',
  'commendation',
  'redemption',
  'refund',
  'adjustment',
  'expiry',
  'reversal',
  'debt_repayment',
] as const;
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];
export const LEDGER_ENTRY_TYPE_LABELS: Record<LedgerEntryType, string> = {
  activity: '参加活动',
  tip: '线索奖励',
  callup: '响应调度',
  training: '教育培训',
  commendation: '表彰奖励',
  redemption: '积分兑换',
  refund: '兑换退回',
  adjustment: '人工调整',
  expiry: '积分过期',
  reversal: '冲正',
  debt_repayment: '冲减欠分',
};

export interface LedgerEntryResponse {
  id: number;
  type: LedgerEntryType;
  typeLabel: string;
  /** Signed integer: credits positive, debits and reversals negative. */
  amount: number;
  balanceAfter: number;
  sourceType: string;
  sourceId: string;
  /** Human-readable line, e.g. the activity title. */
  description: string;
  awardingOrg: { id: number; name: string } | null;
  /** Set on a reversal: the entry it cancels. */
  reversalOfId: number | null;
  /** Set on an entry that has been reversed. */
  reversedById: number | null;
  reason: string | null;
  createdAt: string;
}

export interface MyPointsResponse {
  balance: number;
  /** Total ever credited and debited (balance = earned − spent). */
  earned: number;
  spent: number;
  /** Points a reversal could not take back because they were already spent; the next credits pay it first. */
  debt: number;
  recent: LedgerEntryResponse[];
}

export type LedgerPage = Page<LedgerEntryResponse>;

export interface AdminLedgerEntryResponse extends LedgerEntryResponse {
  volunteer: { id: number | null; userId: number; name: string; memberNo: string | null };
}

export interface AdminLedgerQuery {
  page?: number;
  pageSize?: number;
  /** Awarding org (must be in the viewer's scope). */
  orgUnitId?: number;
  volunteerId?: number;
  type?: LedgerEntryType;
}

export interface PointsIssuedQuery {
  /** YYYY-MM-DD (Asia/Shanghai), inclusive; default: all time. */
  from?: string;
  to?: string;
}

/** Points issued per awarding org in the viewer's scope (each branch sees its liability). */
export interface PointsIssuedResponse {
  from: string | null;
  to: string | null;
  total: { credited: number; reversed: number; net: number };
  byOrg: { orgUnitId: number; name: string; credited: number; reversed: number; net: number; entries: number }[];
}

export interface ReverseEntryRequest {
  reason: string;
}

/** Largest staff adjustment either way. */
export const POINTS_ADJUSTMENT_MAX = 1000;

/** A staff adjustment of a volunteer's points: a credit is issued by the officer's org; a debit never makes debt. */
export interface PointsAdjustmentRequest {
  volunteerId: number;
  /** Non-zero integer, at most POINTS_ADJUSTMENT_MAX either way. */
  amount: number;
  /** 2–100 characters, kept in the entry and the audit log. */
  reason: string;
}
