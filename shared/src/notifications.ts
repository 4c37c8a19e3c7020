/**
 * Subscribe-message templates (docs/product.md#notifications) by key. The WeChat template ids belong to the deployment:
 * the server reads them from `WECHAT_TEMPLATE_<KEY>` and serves them at `GET /client-config` (ROUTES.clientConfig), so
 * the mini-program asks consent for the same ids the server sends with.
 */
export const NOTIFICATION_TEMPLATE_KEYS = [
  'application_result',
  'activity_reminder',
  'activity_changed',
  'signup_result',
  'callup',
  'tip_result',
  'order_status',
  'transfer_confirm',
  'duty_warning',
  'certificate_expiry',
  'criminal_recheck',
  // a guard's confirmed service (with the points it earned) and any other points credited to them
  'attendance_confirmed',
  'points_credited',
  // points taken by an officer's adjustment or a reversal (and any debt it leaves), points about to expire
  'points_changed',
  // staff inbox: an application waiting past its review time, a volunteer transferred in from another branch
  'review_overdue',
  'station_transfer',
  // staff inbox: an urgent tip nobody at the station accepted in time
  'tip_escalated',
  // disputes: a volunteer chosen as mediator; major-event reports: a new report, one waiting past its limit
  'dispute_mediator',
  'incident_report',
  'incident_overdue',
  // a warning from the police to the guards of an area, and a situation bulletin with safety advice
  'alert_warning',
  'situation_bulletin',
  // points mall: the cash part was paid; a refund (points, stock and the money) is done
  'mall_paid',
  'mall_refunded',
  // staff inbox: yesterday's WeChat Pay bill and the mall's payments differ
  'mall_bill_mismatch',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATE_KEYS)[number];

/** The id a template has when the deployment sets none: the WeChat sandbox's. */
export const sandboxTemplateId = (key: NotificationTemplate): string => `sandbox-tmpl-${key}`;

/** What the mini-program needs before anyone signs in (public). */
export interface ClientConfigResponse {
  subscribeTemplates: Record<NotificationTemplate, string>;
  /** The applicant age bounds in force (APPLICANT_MIN_AGE / APPLICANT_MAX_AGE), checked at the ID step. */
  applicantAge?: { min: number; max: number };
}
