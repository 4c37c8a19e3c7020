/**
 * Staff editing a volunteer's archive (docs/product.md#volunteers-archive): the editable part of the record, and the PUT
 * body holding only what changed (a status change needs a reason).
 */
import {
  businessDate,
  type IssuedEquipment,
  type UpdateVolunteerRequest,
  type VolunteerArchiveResponse,
  type VolunteerStatus,
  type VolunteerTier,
} from '@jianghuai/shared';

export interface ArchiveEdit {
  tier: VolunteerTier;
  teams: string[];
  equipment: IssuedEquipment[];
  notes: string;
  status: VolunteerStatus;
  statusReason: string;
}

export function editOf(archive: VolunteerArchiveResponse): ArchiveEdit {
  return {
    tier: archive.tier,
    teams: [...archive.teams],
    equipment: archive.equipment.map((e) => ({ ...e })),
    notes: archive.notes ?? '',
    status: archive.status,
    statusReason: '',
  };
}

export function toggleTeam(teams: string[], team: string): string[] {
  return teams.includes(team) ? teams.filter((t) => t !== team) : [...teams, team];
}

/** Issue an item today, or take it back. */
export function toggleEquipment(equipment: IssuedEquipment[], item: string, today: string): IssuedEquipment[] {
  return equipment.some((e) => e.item === item)
    ? equipment.filter((e) => e.item !== item)
    : [...equipment, { item, issuedOn: today, count: 1 }];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type UpdateBuild =
  { ok: true; body: UpdateVolunteerRequest; changed: boolean } | { ok: false; field: 'statusReason'; message: string };

export function toUpdateRequest(edit: ArchiveEdit, original: VolunteerArchiveResponse): UpdateBuild {
  const body: UpdateVolunteerRequest = {};
  if (edit.tier !== original.tier) body.tier = edit.tier;
  if (!same(edit.teams, original.teams)) body.teams = edit.teams;
  if (!same(edit.equipment, original.equipment)) body.equipment = edit.equipment;
  const notes = edit.notes.trim();
  if (notes !== (original.notes ?? '')) body.notes = notes || null;
  if (edit.status !== original.status) {
    const reason = edit.statusReason.trim();
    if (!reason) return { ok: false, field: 'statusReason', message: '调整义警状态须填写原因' };
    body.status = edit.status;
    body.statusReason = reason;
  }
  return { ok: true, body, changed: Object.keys(body).length > 0 };
}

export type ExemptionBuild =
  { ok: true; body: { reason: string; endsOn: string } } | { ok: false; field: 'reason' | 'endsOn'; message: string };

/**
 * A 特殊情况 (illness, working away …): while it runs the volunteer is not revoked for inactivity
 * (docs/product.md#volunteers-archive). Checked as the server checks it: a reason of 2–200 characters, an end date today or later.
 */
export function buildExemption(input: { reason: string; endsOn: string }, today: string): ExemptionBuild {
  const reason = input.reason.trim();
  if (reason.length < 2) return { ok: false, field: 'reason', message: '请填写特殊情况的原因（至少 2 个字）' };
  if (reason.length > 200) return { ok: false, field: 'reason', message: '原因最多 200 个字' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endsOn)) return { ok: false, field: 'endsOn', message: '请选择截止日期' };
  if (input.endsOn < today) return { ok: false, field: 'endsOn', message: '截止日期不能早于今天' };
  return { ok: true, body: { reason, endsOn: input.endsOn } };
}

/**
 * The yearly re-check line on the record: when it was last run (its date in Shanghai, not the UTC
 * date of the stored instant) and when the next one is due.
 */
export function recheckLine(
  archive: Pick<VolunteerArchiveResponse, 'criminalCheckedAt' | 'criminalCheckDueOn'>,
  today: string,
): string {
  const last = archive.criminalCheckedAt
    ? `上次核查 ${businessDate(new Date(archive.criminalCheckedAt))}`
    : '还没有核查记录';
  if (!archive.criminalCheckDueOn) return last;
  const due =
    archive.criminalCheckDueOn < today
      ? `已于 ${archive.criminalCheckDueOn} 到期，请尽快复核`
      : `下次复核 ${archive.criminalCheckDueOn} 前`;
  return `${last}；${due}`;
}

/** Quick end dates for a 特殊情况, so an officer taps once instead of scrolling a date picker. */
export const EXEMPTION_QUICK_MONTHS = [1, 3, 6, 12] as const;

/** `YYYY-MM-DD` plus whole months; a day past the new month's end lands on its last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function quickMonthsLabel(months: number): string {
  return months === 12 ? '1 年' : `${months} 个月`;
}
