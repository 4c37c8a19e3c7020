import type { Page } from './api.js';

/**
 * Major-event reports (重大事项报送, docs/product.md#major-event-reports): a security company's manager reports an
 * urgent or major event to the company's station within a per-category time limit; the station acknowledges
 * (受理), classifies it and records the disposal (处置情况).
 */
export const INCIDENT_ROUTES = {
  companyReports: '/company/incident-reports',
  companyReport: '/company/incident-reports/:id',
  adminReports: '/admin/incident-reports',
  adminReport: '/admin/incident-reports/:id',
  adminAcknowledge: '/admin/incident-reports/:id/acknowledge',
  adminClassify: '/admin/incident-reports/:id/classify',
  adminDispose: '/admin/incident-reports/:id/dispose',
} as const;

export const INCIDENT_CATEGORIES = ['urgent', 'major'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = { urgent: '紧急', major: '重大' };

/** received: waiting for 受理; acknowledged; disposed: the disposal is recorded. */
export const INCIDENT_STATUSES = ['received', 'acknowledged', 'disposed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  received: '待受理',
  acknowledged: '已受理',
  disposed: '已处置',
};

/** List filters: filed after the limit, waiting for 受理 past the limit, or either. */
export const INCIDENT_FLAGS = ['late', 'unacknowledged', 'any'] as const;
export type IncidentFlag = (typeof INCIDENT_FLAGS)[number];

/** The most attachments one report carries. */
export const INCIDENT_MAX_ATTACHMENTS = 6;
/** The upload purpose of a report's attachments (POST /api/files with purpose=incident_attachment). */
export const INCIDENT_ATTACHMENT_PURPOSE = 'incident_attachment';

export interface FileIncidentReportRequest {
  /** Generated once per report by the phone; sending it again returns the same report. */
  clientRequestId: string;
  category: IncidentCategory;
  subcategory: string;
  /** When the event happened (ISO instant), not in the future. */
  occurredAt: string;
  place: string;
  content: string;
  /** The people involved, as text (names, roles, injuries). */
  people?: string | null;
  attachmentIds?: string[];
}

export interface IncidentAttachment {
  fileId: string;
  url: string;
  thumbUrl: string;
}

export interface IncidentReportResponse {
  id: number;
  companyId: number;
  companyName: string;
  stationId: number;
  stationName: string;
  category: IncidentCategory;
  subcategory: string;
  occurredAt: string;
  place: string;
  content: string;
  people: string | null;
  attachments: IncidentAttachment[];
  status: IncidentStatus;
  filedAt: string;
  /** occurredAt + the category's limit: filed after it, the report is late (超时报送). */
  reportDueAt: string;
  late: boolean;
  /** filedAt + the category's limit: still 待受理 after it, the report is overdue for 受理. */
  acknowledgeDueAt: string;
  acknowledgeOverdue: boolean;
  /** When the branch was told the report waits past its limit (once). */
  overdueFlaggedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  classification: string | null;
  disposal: string | null;
  disposedAt: string | null;
  version: number;
}

export type IncidentReportPage = Page<IncidentReportResponse>;

export interface ClassifyIncidentRequest {
  classification: string;
}

export interface DisposeIncidentRequest {
  disposal: string;
}
