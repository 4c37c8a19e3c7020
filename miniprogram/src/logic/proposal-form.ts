import type { ActivityInput, ActivityResponse } from '@jianghuai/shared';
import { emptyForm, toActivityInput, validateActivityForm, type ActivityForm, type FormErrors } from './activity-form';

/**
 * An activity proposed by a volunteer or a company manager (proposals, docs/product.md#activities). It is the staff
 * activity form with fewer fields shown: points, mode and sign-up mode keep their defaults, the
 * station decides them when it approves. Drafts live under their own key, apart from staff drafts.
 */
export const PROPOSAL_DRAFT_KEY = 'jh:proposal-form:new';

/** The fields the proposer fills in (the rest keep emptyForm's defaults). */
export const PROPOSAL_FIELDS: readonly (keyof ActivityForm)[] = [
  'title',
  'type',
  'address',
  'lat',
  'lng',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'capacity',
  'description',
];

export function emptyProposalForm(now: Date): ActivityForm {
  return emptyForm(now);
}

/** The staff checks, limited to the fields shown, with a plainer hint for the position. */
export function validateProposalForm(f: ActivityForm, now: Date): FormErrors {
  const all = validateActivityForm(f, now, true);
  const e: FormErrors = {};
  for (const key of PROPOSAL_FIELDS) if (all[key]) e[key] = all[key];
  if (e.lat || e.lng) {
    delete e.lng;
    e.lat = hasTypedCoordinates(f)
      ? '坐标不对：纬度在 -90 到 90 之间、经度在 -180 到 180 之间，例如 31.670500 和 118.506500'
      : '还没有定位：请点“用我现在的位置”（人在活动地点时点），或在地图上选点';
  }
  return e;
}

const hasTypedCoordinates = (f: Pick<ActivityForm, 'lat' | 'lng'>) => !!f.lat.trim() || !!f.lng.trim();

/**
 * How the place shows its point: 已定位 ✓ or 还没有定位, never the raw numbers; the 纬度/经度 inputs only after
 * 手动输入坐标, or when numbers are there and wrong. A missing position is said under the 定位 line.
 */
export function proposalPlaceView(
  f: Pick<ActivityForm, 'lat' | 'lng'>,
  errors: FormErrors,
  manual: boolean,
): { located: boolean; positionText: string; showCoordinates: boolean; positionError: string | undefined } {
  const located = !!f.lat.trim() && !!f.lng.trim() && !errors.lat && !errors.lng;
  const showCoordinates = manual || (hasTypedCoordinates(f) && !!(errors.lat || errors.lng));
  return {
    located,
    positionText: located ? '已定位 ✓' : '还没有定位',
    showCoordinates,
    positionError: showCoordinates ? undefined : (errors.lat ?? errors.lng),
  };
}

/** Body of POST /activity-proposals; the server files it under the proposer's station. */
export function toProposalInput(f: ActivityForm): ActivityInput {
  return toActivityInput(f);
}

/** Where a proposal stands, in words. */
export function proposalStatusText(a: Pick<ActivityResponse, 'proposal' | 'status'>): {
  label: string;
  tone: 'wait' | 'ok' | 'off';
} {
  const p = a.proposal;
  if (!p || p.status === 'pending') return { label: '待派出所审核', tone: 'wait' };
  if (p.status === 'approved')
    return {
      label: a.status === 'cancelled' ? '已通过，后来取消' : '已通过并发布',
      tone: a.status === 'cancelled' ? 'off' : 'ok',
    };
  return { label: p.rejectReason ? `未通过：${p.rejectReason}` : '未通过', tone: 'off' };
}
