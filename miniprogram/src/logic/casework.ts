import {
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_STATUS_LABELS,
  DISPUTE_TYPES,
  DISPUTE_TYPE_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_STATUS_LABELS,
  businessDate,
  type CreateDisputeRequest,
  type DisputePartyInput,
  type DisputeStatus,
  type DisputeType,
  type FileIncidentReportRequest,
  type IncidentCategory,
  type IncidentFlag,
  type IncidentReportResponse,
} from '@jianghuai/shared';
import { newClientRequestId } from './tips';

/** Disputes and major-event reports on the phone (docs/disputes.md): options, forms and the words shown. */

export const DISPUTE_TYPE_OPTIONS = DISPUTE_TYPES.map((value) => ({ value, label: DISPUTE_TYPE_LABELS[value] }));
export const INCIDENT_CATEGORY_OPTIONS = INCIDENT_CATEGORIES.map((value) => ({
  value,
  label: INCIDENT_CATEGORY_LABELS[value],
}));
export const OUTCOME_OPTIONS = (['resolved', 'escalated'] as const).map((value) => ({
  value,
  label: DISPUTE_OUTCOME_LABELS[value],
}));
export const DISPUTE_STATUS_FILTER = [
  { value: 'all', label: '全部' },
  ...(['open', 'proposed', 'resolved', 'escalated'] as const).map((value) => ({
    value,
    label: DISPUTE_STATUS_LABELS[value],
  })),
];
export const INCIDENT_FLAG_FILTER: readonly { value: IncidentFlag | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'any', label: '需关注' },
  { value: 'late', label: '超时报送' },
  { value: 'unacknowledged', label: '超时未受理' },
];

export function disputeStatusText(status: DisputeStatus): string {
  return DISPUTE_STATUS_LABELS[status];
}

/** The flags a report carries, in words: 超时报送 and 超时未受理. */
export function incidentFlags(r: Pick<IncidentReportResponse, 'late' | 'acknowledgeOverdue'>): string[] {
  return [...(r.late ? ['超时报送'] : []), ...(r.acknowledgeOverdue ? ['超时未受理'] : [])];
}

export function incidentStatusText(r: Pick<IncidentReportResponse, 'status'>): string {
  return INCIDENT_STATUS_LABELS[r.status];
}

// ── the officers' new case form ──

export interface DisputeDraft {
  type: DisputeType | null;
  parties: { name: string; phone: string }[];
  address: string;
  description: string;
}

export function emptyDisputeDraft(): DisputeDraft {
  return { type: null, parties: [{ name: '', phone: '' }], address: '', description: '' };
}

/** What is missing or wrong, in words; null when the form can be sent. */
export function disputeDraftError(d: DisputeDraft): string | null {
  if (!d.type) return '请选择纠纷类型';
  const named = d.parties.filter((p) => p.name.trim());
  if (!named.length) return '请至少填写一位当事人的姓名';
  if (named.some((p) => p.phone.trim() && !/^1\d{10}$/.test(p.phone.trim())))
    return '当事人手机号应为 11 位数字，不知道可以不填';
  if (!d.address.trim()) return '请填写纠纷地点';
  if (d.description.trim().length < 2) return '请写明纠纷情况';
  return null;
}

export function disputeRequest(d: DisputeDraft): CreateDisputeRequest {
  const parties: DisputePartyInput[] = d.parties
    .filter((p) => p.name.trim())
    .map((p) => ({ name: p.name.trim(), phone: p.phone.trim() || null }));
  return {
    type: d.type ?? 'other',
    parties,
    place: { address: d.address.trim() },
    description: d.description.trim(),
  };
}

// ── the company manager's report form ──

export interface ReportDraft {
  clientRequestId: string;
  category: IncidentCategory | null;
  subcategory: string;
  /** YYYY-MM-DD and HH:MM in Shanghai. */
  date: string;
  time: string;
  place: string;
  content: string;
  people: string;
  attachmentIds: string[];
}

/** A new report starts at now (Shanghai), with its request number made once. */
export function emptyReportDraft(now: Date, random?: () => number): ReportDraft {
  const hhmm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return {
    clientRequestId: newClientRequestId(now, random),
    category: null,
    subcategory: '',
    date: businessDate(now),
    time: hhmm,
    place: '',
    content: '',
    people: '',
    attachmentIds: [],
  };
}

export function reportOccurredAt(d: Pick<ReportDraft, 'date' | 'time'>): string {
  return new Date(`${d.date}T${d.time}:00+08:00`).toISOString();
}

export function reportDraftError(d: ReportDraft, now: Date): string | null {
  if (!d.category) return '请选择紧急或重大';
  if (d.subcategory.trim().length < 2) return '请填写事项类别，例如：火灾、人员受伤';
  if (!d.date || !d.time) return '请选择事发时间';
  if (new Date(reportOccurredAt(d)).getTime() > now.getTime() + 5 * 60_000) return '事发时间不能晚于现在';
  if (d.place.trim().length < 2) return '请填写事发地点';
  if (d.content.trim().length < 2) return '请写明发生了什么';
  return null;
}

export function reportRequest(d: ReportDraft): FileIncidentReportRequest {
  return {
    clientRequestId: d.clientRequestId,
    category: d.category ?? 'major',
    subcategory: d.subcategory.trim(),
    occurredAt: reportOccurredAt(d),
    place: d.place.trim(),
    content: d.content.trim(),
    people: d.people.trim() || null,
    attachmentIds: d.attachmentIds,
  };
}

/** How long a category has, in words (the defaults; the server decides with its configuration). */
export const INCIDENT_LIMIT_HINT: Record<IncidentCategory, string> = {
  urgent: '紧急事项请在事发后 1 小时内报送',
  major: '重大事项请在事发后 24 小时内报送',
};
