import type { SignupStatus } from '@jianghuai/shared';

/** The tabs of the staff sign-up list, in the order they are shown. */
export const SIGNUP_TABS: readonly { value: SignupStatus; label: string }[] = [
  { value: 'pending', label: '待确认' },
  { value: 'confirmed', label: '报名成功' },
  { value: 'waitlisted', label: '候补（按先后）' },
  { value: 'cancelled', label: '已取消' },
];

export type SignupTotals = Partial<Record<SignupStatus, number>>;

/**
 * Which tab the list opens on: sign-ups waiting for the officer first, then the confirmed ones,
 * then the waitlist, then cancelled ones — never an empty tab while another has rows. With no
 * sign-ups at all (or counts unknown) it opens on 报名成功.
 */
export function signupTabToOpen(totals: SignupTotals | null): SignupStatus {
  if (!totals) return 'confirmed';
  for (const tab of ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const)
    if ((totals[tab] ?? 0) > 0) return tab;
  return 'confirmed';
}

/** A tab's label with its count, e.g. 报名成功（3）. */
export function signupTabLabel(label: string, total: number | undefined): string {
  return total === undefined ? label : `${label}（${total}）`;
}
