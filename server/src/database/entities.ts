import { OrgUnit } from '../modules/org/org-unit.entity.js';
import { UnitContact } from '../modules/org/unit-contact.entity.js';
import { User } from '../modules/users/user.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { LoginRateWindow } from '../common/auth/login-rate-window.entity.js';
import { LoginBrake } from '../common/auth/login-brake.entity.js';
import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { Volunteer } from '../modules/volunteers/volunteer.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { SubscribeConsent } from '../modules/notifications/subscribe-consent.entity.js';
import { Activity } from '../modules/activities/entities/activity.entity.js';
import { ActivitySignup } from '../modules/activities/entities/activity-signup.entity.js';
import { PointsLedgerEntry } from '../modules/points/entities/points-ledger-entry.entity.js';
import { PointsAccount } from '../modules/points/entities/points-account.entity.js';
import { PointsLot } from '../modules/points/entities/points-lot.entity.js';
import { PointsLotUse } from '../modules/points/entities/points-lot-use.entity.js';
import { InsurancePolicy } from '../modules/insurance/entities/insurance-policy.entity.js';
import { InsuranceEnrolment } from '../modules/insurance/entities/insurance-enrolment.entity.js';
import { Company } from '../modules/companies/company.entity.js';
import { ServiceSite } from '../modules/companies/service-site.entity.js';
import { RosterGuard } from '../modules/roster/roster-guard.entity.js';
import { Application } from '../modules/applications/application.entity.js';
import { ApplicationDraftRow } from '../modules/applications/application-draft.entity.js';
import { CriminalRecordCheck } from '../modules/volunteers/criminal-record-check.entity.js';
import { ApplicationRateWindow } from '../modules/applications/application-rate-window.entity.js';
import { StationAssignment } from '../modules/volunteers/station-assignment.entity.js';
import { DutyExemption } from '../modules/volunteers/duty-exemption.entity.js';
import { MemberNumberCounter } from '../modules/volunteers/member-number-counter.entity.js';
import { JobLease } from '../modules/jobs/job-lease.entity.js';
import { JobReminder } from '../modules/jobs/job-reminder.entity.js';
import { Team } from '../modules/teams/team.entity.js';
import { TeamMember } from '../modules/teams/team-member.entity.js';
import { Target } from '../modules/targets/target.entity.js';
import { ReportStage } from '../modules/reports/entities/report-stage.entity.js';
import { StageNarrative } from '../modules/reports/entities/stage-narrative.entity.js';
import { RankingPublication } from '../modules/reports/entities/ranking-publication.entity.js';
import { RankingEntry } from '../modules/reports/entities/ranking-entry.entity.js';
import { StoredFile } from '../modules/files/stored-file.entity.js';
import { UploadDay } from '../modules/files/upload-day.entity.js';
import { SmsMessage } from '../modules/sms/sms-message.entity.js';
import { Tip } from '../modules/tips/entities/tip.entity.js';
import { DisputeCase } from '../modules/casework/entities/dispute-case.entity.js';
import { DisputeStep } from '../modules/casework/entities/dispute-step.entity.js';
import { IncidentReport } from '../modules/casework/entities/incident-report.entity.js';
import { Alert } from '../modules/alerts/entities/alert.entity.js';
import { AlertRecipient } from '../modules/alerts/entities/alert-recipient.entity.js';
import { Bulletin } from '../modules/alerts/entities/bulletin.entity.js';
import { BulletinRecipient } from '../modules/alerts/entities/bulletin-recipient.entity.js';
import { TipPhoto } from '../modules/tips/entities/tip-photo.entity.js';
import { TipMessage } from '../modules/tips/entities/tip-message.entity.js';
import { TipEvent } from '../modules/tips/entities/tip-event.entity.js';
import { MallProduct } from '../modules/mall/entities/mall-product.entity.js';
import { MallOrder } from '../modules/mall/entities/mall-order.entity.js';
import { MallHolding } from '../modules/mall/entities/mall-holding.entity.js';
import { MallPayment } from '../modules/mall/entities/mall-payment.entity.js';
import { MallRefund } from '../modules/mall/entities/mall-refund.entity.js';
import { MallBillCheck } from '../modules/mall/entities/mall-bill-check.entity.js';
import { PaymentNotification } from '../modules/payments/payment-notification.entity.js';
import { StatCounter } from '../modules/stats/stat-counter.entity.js';
import { StatsState } from '../modules/stats/stats-state.entity.js';
import { Inspection } from '../modules/inspections/inspection.entity.js';
import { HonestyFlag } from '../modules/honesty/honesty-flag.entity.js';
import { HonestyWatermark } from '../modules/honesty/honesty-watermark.entity.js';
import { WartimeState } from '../modules/wartime/wartime-state.entity.js';
import { Callup } from '../modules/callups/entities/callup.entity.js';
import { CallupRecipient } from '../modules/callups/entities/callup-recipient.entity.js';
import { CallupPlan } from '../modules/callups/entities/callup-plan.entity.js';
import { CallupDraw } from '../modules/callups/entities/callup-draw.entity.js';
import { CallupDelivery } from '../modules/callups/entities/callup-delivery.entity.js';

/** Every entity, listed once: the app, the migration generator and the tests share this list. */
export const ENTITIES = [
  OrgUnit,
  UnitContact,
  User,
  RefreshToken,
  LoginRateWindow,
  LoginBrake,
  AuditLog,
  Volunteer,
  Notification,
  SubscribeConsent,
  // applications, companies, roster (docs/product.md#people)
  Company,
  ServiceSite,
  RosterGuard,
  Application,
  ApplicationDraftRow,
  CriminalRecordCheck,
  ApplicationRateWindow,
  StationAssignment,
  DutyExemption,
  MemberNumberCounter,
  JobLease,
  JobReminder,
  // activities, sign-ups, attendance, points, insurance (docs/product.md#activities, #points)
  Activity,
  ActivitySignup,
  PointsLedgerEntry,
  PointsAccount,
  PointsLot,
  PointsLotUse,
  InsurancePolicy,
  InsuranceEnrolment,
  // teams (docs/product.md#teams)
  Team,
  TeamMember,
  // uploads (docs/product.md#uploads)
  StoredFile,
  UploadDay,
  // text messages (docs/product.md#notifications)
  SmsMessage,
  // tips (docs/product.md#tips)
  Tip,
  TipPhoto,
  TipMessage,
  TipEvent,
  // disputes and major-event reports (docs/disputes.md)
  DisputeCase,
  DisputeStep,
  IncidentReport,
  // early warnings and situation bulletins (docs/alerts.md)
  Alert,
  AlertRecipient,
  Bulletin,
  BulletinRecipient,
  // points mall (docs/mall.md)
  MallProduct,
  MallOrder,
  MallHolding,
  MallPayment,
  MallRefund,
  MallBillCheck,
  // WeChat Pay (docs/payments.md)
  PaymentNotification,
  // company supervision and data honesty (docs/supervision.md)
  Inspection,
  HonestyFlag,
  HonestyWatermark,
  // call-ups and war-time (docs/callups.md)
  WartimeState,
  Callup,
  CallupRecipient,
  CallupPlan,
  CallupDraw,
  // call-up fan-out (docs/callups.md#reaching-people)
  CallupDelivery,
  // targets, stage reports, ranking (docs/reports.md)
  Target,
  ReportStage,
  StageNarrative,
  RankingPublication,
  RankingEntry,
  // dashboard summary tables (docs/dashboard.md)
  StatCounter,
  StatsState,
];
