import type { CreatePolicyRequest, EnrolResponse, PolicyResponse } from '@jianghuai/shared';
import { shanghaiInstant, shanghaiParts } from './activity-form';
import { formatDate } from './points-admin';

/** The "register a policy" form as typed: dates as YYYY-MM-DD (Shanghai). */
export interface PolicyForm {
  insurer: string;
  policyNo: string;
  validFrom: string;
  validTo: string;
}
export type PolicyFormErrors = Partial<Record<keyof PolicyForm, string>>;

/** Cover from today for one year. */
export function emptyPolicyForm(now: Date): PolicyForm {
  const from = shanghaiParts(now).date;
  const nextYear = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
  const last = shanghaiInstant(nextYear, '00:00') ?? new Date(now.getTime() + 365 * 86_400_000);
  return {
    insurer: '',
    policyNo: '',
    validFrom: from,
    validTo: shanghaiParts(new Date(last.getTime() - 86_400_000)).date,
  };
}

export function validatePolicyForm(f: PolicyForm): PolicyFormErrors {
  const e: PolicyFormErrors = {};
  const insurer = f.insurer.trim();
  const no = f.policyNo.trim();
  if (insurer.length < 2) e.insurer = '请填写保险公司（至少 2 个字）';
  else if (insurer.length > 100) e.insurer = '保险公司名称不能超过 100 个字';
  if (no.length < 3) e.policyNo = '请填写保单号（至少 3 位）';
  else if (no.length > 64) e.policyNo = '保单号不能超过 64 位';
  const from = shanghaiInstant(f.validFrom, '00:00');
  const to = shanghaiInstant(f.validTo, '00:00');
  if (!from) e.validFrom = '起始日期格式不对，例如 2026-12-01';
  if (!to) e.validTo = '截止日期格式不对，例如 2027-11-30';
  // one day is a valid period: it runs from that day's 00:00 to its end
  if (from && to && to < from) e.validTo = '截止日期不能早于起始日期，请重新选择';
  return e;
}

/** Cover runs from the first day's start to the last day's end, both Shanghai dates sent in +08:00. */
export function toPolicyRequest(f: PolicyForm): CreatePolicyRequest {
  return {
    insurer: f.insurer.trim(),
    policyNo: f.policyNo.trim(),
    validFrom: `${f.validFrom}T00:00:00.000+08:00`,
    validTo: `${f.validTo}T23:59:59.999+08:00`,
  };
}

export function policyPeriod(p: Pick<PolicyResponse, 'validFrom' | 'validTo'>): string {
  return `${formatDate(p.validFrom)} 至 ${formatDate(p.validTo)}`;
}

/** True when the policy covers the whole activity (what the sign-up insurance gate checks). */
export function policyCovers(
  p: Pick<PolicyResponse, 'validFrom' | 'validTo'>,
  a: { startAt: string; endAt: string },
): boolean {
  return Date.parse(p.validFrom) <= Date.parse(a.startAt) && Date.parse(p.validTo) >= Date.parse(a.endAt);
}

export function enrolSummary(r: EnrolResponse): string {
  if (!r.enrolled && !r.alreadyInsured) return '这个活动还没有报名成功的义警，没有人需要投保。';
  return `新投保 ${r.enrolled} 人，${r.alreadyInsured} 人此前已在本保单中。保单现共 ${r.insuredCount} 人。`;
}
