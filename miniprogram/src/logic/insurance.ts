import {
  addCalendarDays,
  businessDate,
  type EnrolResponse,
  type InsuranceCandidate,
  type MyInsuranceResponse,
} from '@jianghuai/shared';

/** Cover ending within this many days (Shanghai dates) is shown as 即将到期. */
export const EXPIRING_DAYS = 30;

export type CoverState = 'active' | 'expiring' | 'upcoming' | 'expired';
export const COVER_STATE_LABELS: Record<CoverState, string> = {
  active: '有效',
  expiring: '即将到期',
  upcoming: '未生效',
  expired: '已过期',
};

type Period = { validFrom: string; validTo: string };

/** Where a policy's cover stands at `now`: not yet started, in force (ending soon or not), or over. */
export function coverState(p: Period, now: Date): CoverState {
  const at = now.getTime();
  if (at < Date.parse(p.validFrom)) return 'upcoming';
  if (at > Date.parse(p.validTo)) return 'expired';
  const lastDay = businessDate(new Date(p.validTo));
  return lastDay <= addCalendarDays(businessDate(now), EXPIRING_DAYS) ? 'expiring' : 'active';
}

/** The period in Shanghai dates: 2026-01-01 至 2026-12-31. */
export function coverPeriod(p: Period): string {
  return `${businessDate(new Date(p.validFrom))} 至 ${businessDate(new Date(p.validTo))}`;
}

export interface CoverView {
  id: number;
  insurer: string;
  policyNo: string;
  period: string;
  state: CoverState;
  label: string;
  /** What the state means for the guard, in one sentence. */
  note: string;
}

function noteFor(state: CoverState, p: Period): string {
  const last = businessDate(new Date(p.validTo));
  if (state === 'active') return `保障到 ${last}，可以报名高风险活动。`;
  if (state === 'expiring') return `保障到 ${last} 就结束了，到期后不能报名高风险活动，请及时联系派出所续保。`;
  if (state === 'upcoming') return `从 ${businessDate(new Date(p.validFrom))} 开始保障。`;
  return `已于 ${last} 结束保障。`;
}

/** 我的保险: cover in force or coming first (latest end first), then past cover. */
export function myCoverViews(res: MyInsuranceResponse, now: Date): { current: CoverView[]; past: CoverView[] } {
  const views = [...res.policies]
    .sort((a, b) => b.validTo.localeCompare(a.validTo))
    .map((p): CoverView => {
      const state = coverState(p, now);
      return {
        id: p.id,
        insurer: p.insurer,
        policyNo: p.policyNo,
        period: coverPeriod(p),
        state,
        label: COVER_STATE_LABELS[state],
        note: noteFor(state, p),
      };
    });
  return { current: views.filter((v) => v.state !== 'expired'), past: views.filter((v) => v.state === 'expired') };
}

/** One tick box more or less. */
export function toggleId(picked: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(picked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** 全选: ticks every volunteer shown; when all of them are ticked already, unticks them. */
export function toggleAllShown(picked: ReadonlySet<number>, shownIds: readonly number[]): Set<number> {
  const next = new Set(picked);
  const all = shownIds.length > 0 && shownIds.every((id) => next.has(id));
  for (const id of shownIds) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** The line shown after enrolling: 新投保 N 人，已在保 M 人. */
export function enrolResultLine(r: EnrolResponse): string {
  return `新投保 ${r.enrolled} 人，已在保 ${r.alreadyInsured} 人。本保单现共 ${r.insuredCount} 人。`;
}

/** A candidate's insurance in words: in this policy, covered by another until a date, or none. */
export function candidateCover(c: Pick<InsuranceCandidate, 'inPolicy' | 'coveredUntil'>): string {
  if (c.inPolicy) return '已在本保单';
  if (c.coveredUntil) return `另有保险，至 ${businessDate(new Date(c.coveredUntil))}`;
  return '未投保';
}
