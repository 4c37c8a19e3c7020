import type { Page } from './api.js';

/**
 * Company supervision (监督检查) and data honesty (杜绝弄虚作假), docs/supervision.md.
 *
 * Inspections: a station, branch or city officer records an inspection of a security company in their area (date,
 * inspectors, the items checked, findings, a rectification deadline, photos); the station records the rectification
 * (整改完成) and the company's manager confirms the findings about their own company. A finding past its deadline
 * (Shanghai date) and not rectified is overdue.
 *
 * Honesty flags: a job finds implausible records (rapid check-ins far apart, attendance without a check-in, hours
 * above the activity's window, an approved application whose name differs from its roster guard's); a branch or
 * city officer opens each one and dismisses it with a reason.
 */
export const SUPERVISION_ROUTES = {
  adminInspections: '/admin/inspections',
  adminInspection: '/admin/inspections/:id',
  adminInspectionRectify: '/admin/inspections/:id/rectify',
  companyInspections: '/company/inspections',
  companyInspection: '/company/inspections/:id',
  companyInspectionConfirm: '/company/inspections/:id/confirm',
  adminHonestyFlags: '/admin/honesty-flags',
  adminHonestyFlag: '/admin/honesty-flags/:id',
  adminHonestyDismiss: '/admin/honesty-flags/:id/dismiss',
} as const;

// ── inspections ──────────────────────────────────────────────────────────────────────────────

/** The upload purpose of an inspection's photos (POST /api/files with purpose=inspection_photo). */
export const INSPECTION_PHOTO_PURPOSE = 'inspection_photo';
export const INSPECTION_MAX_PHOTOS = 6;
export const INSPECTION_MAX_ITEMS = 30;
export const INSPECTION_MAX_INSPECTORS = 10;

/** What a checklist usually holds; the officer may add others. */
export const INSPECTION_DEFAULT_ITEMS = [
  '保安员持证上岗',
  '保安员信息备案',
  '服务合同与派驻情况',
  '装备配备与管理',
  '培训与值勤记录',
  '内部管理制度',
] as const;

export const INSPECTION_ITEM_RESULTS = ['ok', 'problem'] as const;
export type InspectionItemResult = (typeof INSPECTION_ITEM_RESULTS)[number];
export const INSPECTION_ITEM_RESULT_LABELS: Record<InspectionItemResult, string> = { ok: '合格', problem: '有问题' };

export interface InspectionItem {
  item: string;
  result: InspectionItemResult;
  note?: string | null;
}

/**
 * none: nothing to rectify; open: waiting for rectification (待整改); confirmed: the company confirmed it has
 * rectified (单位已确认, the station still checks); rectified: the station recorded 整改完成.
 */
export const INSPECTION_STATUSES = ['none', 'open', 'confirmed', 'rectified'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  none: '无需整改',
  open: '待整改',
  confirmed: '单位已确认整改',
  rectified: '整改完成',
};

export interface RecordInspectionRequest {
  companyId: number;
  /** YYYY-MM-DD (Shanghai), not after today. */
  inspectedOn: string;
  inspectors: string[];
  items: InspectionItem[];
  findings?: string | null;
  /** YYYY-MM-DD; required when any item has a problem or findings are written; not before inspectedOn. */
  rectifyBy?: string | null;
  photoIds?: string[];
}

export interface RectifyInspectionRequest {
  /** YYYY-MM-DD the rectification was done, not after today. */
  rectifiedOn: string;
  note: string;
}

export interface ConfirmInspectionRequest {
  note: string;
}

export interface InspectionPhoto {
  fileId: string;
  url: string;
  thumbUrl: string;
}

export interface InspectionResponse {
  id: number;
  companyId: number;
  companyName: string;
  /** The unit whose officer recorded it. */
  orgUnitId: number;
  orgUnitName: string;
  inspectedOn: string;
  inspectors: string[];
  items: InspectionItem[];
  findings: string | null;
  rectifyBy: string | null;
  photos: InspectionPhoto[];
  status: InspectionStatus;
  /** Past rectifyBy (Shanghai date) and not rectified by the station. */
  overdue: boolean;
  recordedBy: string;
  recordedAt: string;
  rectifiedOn: string | null;
  rectifyNote: string | null;
  rectifiedBy: string | null;
  companyConfirmedAt: string | null;
  companyNote: string | null;
  version: number;
}

export interface InspectionPage extends Page<InspectionResponse> {
  /** Overdue rectifications in the viewer's area (whatever the filter). */
  overdueCount: number;
}

// ── honesty flags ────────────────────────────────────────────────────────────────────────────

export const HONESTY_FLAG_KINDS = [
  'rapid_checkins',
  'attendance_without_checkin',
  'hours_over_window',
  'roster_name_mismatch',
] as const;
export type HonestyFlagKind = (typeof HONESTY_FLAG_KINDS)[number];
export const HONESTY_FLAG_KIND_LABELS: Record<HonestyFlagKind, string> = {
  rapid_checkins: '短时间内多地签到',
  attendance_without_checkin: '未签到却确认出勤',
  hours_over_window: '服务时长超出活动时段',
  roster_name_mismatch: '申请人与花名册姓名不符',
};

/** Check-ins of one account at places this far apart within this many minutes are flagged. */
export const RAPID_CHECKIN_MINUTES = 10;
export const RAPID_CHECKIN_METRES = 2000;
/** Credited minutes above the activity's window plus this are flagged. */
export const HOURS_OVER_WINDOW_GRACE_MINUTES = 60;

export const HONESTY_FLAG_STATUSES = ['open', 'dismissed'] as const;
export type HonestyFlagStatus = (typeof HONESTY_FLAG_STATUSES)[number];
export const HONESTY_FLAG_STATUS_LABELS: Record<HonestyFlagStatus, string> = { open: '待核查', dismissed: '已排除' };

/** A record a flag points at: a sign-up (check-in, attendance), an activity, an application or a roster guard. */
export interface HonestyLink {
  type: 'signup' | 'activity' | 'application' | 'roster_guard' | 'volunteer';
  id: number;
  label: string;
}

export interface HonestyFlagResponse {
  id: number;
  kind: HonestyFlagKind;
  summary: string;
  links: HonestyLink[];
  orgUnitId: number;
  orgUnitName: string;
  /** When the record behind it happened. */
  occurredAt: string;
  detectedAt: string;
  status: HonestyFlagStatus;
  dismissReason: string | null;
  dismissedBy: string | null;
  dismissedAt: string | null;
  version: number;
}

export type HonestyFlagPage = Page<HonestyFlagResponse>;

export interface DismissHonestyFlagRequest {
  reason: string;
}
