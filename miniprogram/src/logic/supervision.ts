/**
 * Company supervision and data honesty on the phone (docs/supervision.md): the inspection form's draft, its
 * checks in words, and the status lines of inspections and flags.
 */
import {
  INSPECTION_DEFAULT_ITEMS,
  INSPECTION_STATUS_LABELS,
  HONESTY_FLAG_KIND_LABELS,
  HONESTY_FLAG_STATUS_LABELS,
  type HonestyFlagKind,
  type HonestyFlagResponse,
  type HonestyFlagStatus,
  type InspectionItemResult,
  type InspectionResponse,
  type RecordInspectionRequest,
} from '@jianghuai/shared';

export interface InspectionDraft {
  companyId: number | null;
  inspectedOn: string;
  inspectors: string;
  items: { item: string; result: InspectionItemResult }[];
  findings: string;
  rectifyBy: string;
}

export function emptyInspectionDraft(today: string): InspectionDraft {
  return {
    companyId: null,
    inspectedOn: today,
    inspectors: '',
    items: INSPECTION_DEFAULT_ITEMS.map((item) => ({ item, result: 'ok' as const })),
    findings: '',
    rectifyBy: '',
  };
}

/** Names typed with spaces, commas or 、 between them. */
export function inspectorNames(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function hasProblem(d: InspectionDraft): boolean {
  return d.findings.trim().length > 0 || d.items.some((i) => i.result === 'problem');
}

/** What is still missing, in words, or null when the form can be sent. */
export function inspectionDraftError(d: InspectionDraft, today: string): string | null {
  if (!d.companyId) return '请选择被检查单位';
  if (d.inspectedOn > today) return '检查日期不能晚于今天';
  const names = inspectorNames(d.inspectors);
  if (!names.length) return '请填写检查人员姓名';
  if (names.some((n) => n.length < 2)) return '检查人员姓名至少 2 个字';
  if (hasProblem(d) && !d.rectifyBy) return '有问题项或发现的问题时，请选择整改期限';
  if (hasProblem(d) && d.rectifyBy < d.inspectedOn) return '整改期限不能早于检查日期';
  return null;
}

export function inspectionRequest(d: InspectionDraft): RecordInspectionRequest {
  const problem = hasProblem(d);
  return {
    companyId: d.companyId!,
    inspectedOn: d.inspectedOn,
    inspectors: inspectorNames(d.inspectors),
    items: d.items,
    findings: d.findings.trim() || null,
    rectifyBy: problem ? d.rectifyBy : null,
  };
}

/** 待整改 · 已逾期 style status line. */
export function inspectionStatusText(i: Pick<InspectionResponse, 'status' | 'overdue'>): string {
  return `${INSPECTION_STATUS_LABELS[i.status]}${i.overdue ? ' · 已逾期' : ''}`;
}

export function flagTitle(f: Pick<HonestyFlagResponse, 'kind'>): string {
  return HONESTY_FLAG_KIND_LABELS[f.kind];
}

export const INSPECTION_FILTER: readonly { value: 'all' | 'overdue' | 'open'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '逾期未整改' },
  { value: 'open', label: '待整改' },
];

export const FLAG_STATUS_FILTER: readonly { value: HonestyFlagStatus; label: string }[] = [
  { value: 'open', label: HONESTY_FLAG_STATUS_LABELS.open },
  { value: 'dismissed', label: HONESTY_FLAG_STATUS_LABELS.dismissed },
];

export const FLAG_KIND_FILTER: readonly { value: HonestyFlagKind | 'all'; label: string }[] = [
  { value: 'all', label: '全部类型' },
  ...(Object.keys(HONESTY_FLAG_KIND_LABELS) as HonestyFlagKind[]).map((k) => ({
    value: k,
    label: HONESTY_FLAG_KIND_LABELS[k],
  })),
];
