/**
 * Joining the force (docs/product.md#people): companies, the guard roster, applications and review, station assignment, the
 * volunteer archive, the talent pool and the scheduled jobs. Route paths are relative to `/api`;
 * `:id`-style segments are filled in with `apiPath()` (api-path.ts).
 */
import type { OrgUnitSummary, Page } from './api.js';
import type { Skill, VolunteerSkill, VolunteerTier } from './roles.js';

export const ENROLMENT_ROUTES = {
  // applicant (any signed-in WeChat user)
  companyOptions: '/companies',
  agreement: '/applications/agreement',
  communityOptions: '/applications/communities',
  draft: '/applications/draft',
  applications: '/applications',
  myApplication: '/applications/mine',
  // volunteer
  myCard: '/me/volunteer-card',
  // staff: companies and roster
  adminCompanies: '/admin/companies',
  adminCompany: '/admin/companies/:id',
  adminCompanySites: '/admin/companies/:id/sites',
  adminCompanySite: '/admin/companies/:id/sites/:siteId',
  adminRoster: '/admin/roster',
  adminRosterImport: '/admin/roster/import',
  // staff: review
  adminApplications: '/admin/applications',
  adminApplication: '/admin/applications/:id',
  adminApplicationCriminalCheck: '/admin/applications/:id/criminal-check',
  adminApplicationApprove: '/admin/applications/:id/approve',
  adminApplicationReject: '/admin/applications/:id/reject',
  adminApplicationReveal: '/admin/applications/:id/reveal',
  // staff: volunteers
  adminVolunteers: '/admin/volunteers',
  adminVolunteer: '/admin/volunteers/:id',
  adminVolunteerReveal: '/admin/volunteers/:id/reveal',
  adminVolunteerAssignments: '/admin/volunteers/:id/assignments',
  adminVolunteerReassign: '/admin/volunteers/:id/reassign',
  adminVolunteerExemptions: '/admin/volunteers/:id/exemptions',
  adminVolunteerCriminalChecks: '/admin/volunteers/:id/criminal-checks',
  adminIncomingTransfers: '/admin/assignments/incoming',
  adminAcceptTransfer: '/admin/assignments/:id/accept',
  adminDeclineTransfer: '/admin/assignments/:id/decline',
  adminTalentPool: '/admin/talent-pool',
  adminTalentPoolExport: '/admin/talent-pool/export',
  // sysadmin: jobs
  adminJobs: '/admin/jobs',
  adminJobRun: '/admin/jobs/:name/run',
  // company manager
  myCompany: '/company/mine',
  myCompanyGuards: '/company/mine/guards',
} as const;

// ── companies ──────────────────────────────────────────────────────────────────────────────
export const COMPANY_TYPES = ['security_company', 'self_recruiting', 'property'] as const;
export type CompanyType = (typeof COMPANY_TYPES)[number];
export const COMPANY_TYPE_LABELS: Record<CompanyType, string> = {
  security_company: '保安服务公司',
  self_recruiting: '自招单位',
  property: '物业公司',
};

/** Equipment resources, name → count, e.g. `{ 安检设备: 2, 盾牌: 10, 反恐叉: 4 }`. */
export type EquipmentCounts = Record<string, number>;

export interface ServiceSiteResponse {
  id: number;
  companyId: number;
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
  station: OrgUnitSummary;
}

export interface CompanyResponse {
  id: number;
  name: string;
  type: CompanyType;
  creditCode: string;
  homeStation: OrgUnitSummary;
  contactName: string | null;
  /** Masked. */
  contactPhone: string | null;
  equipment: EquipmentCounts;
  sites: ServiceSiteResponse[];
  managerUserId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateCompanyRequest {
  name: string;
  type: CompanyType;
  creditCode: string;
  homeStationId: number;
  contactName?: string | null;
  contactPhone?: string | null;
  equipment?: EquipmentCounts;
  /** A staff account holding the `company_manager` role (links the manager to this company). */
  managerUserId?: number | null;
}
export type UpdateCompanyRequest = Partial<CreateCompanyRequest>;

export interface ServiceSiteRequest {
  name: string;
  address: string;
  lat?: number | null;
  lng?: number | null;
  /** Station whose jurisdiction the site lies in (level `station`). */
  stationId: number;
}

export interface CompanyQuery {
  q?: string;
  type?: CompanyType;
  page?: number;
  pageSize?: number;
}

/** What an applicant sees when picking an employer and a service site. */
export interface CompanyOption {
  id: number;
  name: string;
  type: CompanyType;
  sites: { id: number; name: string; address: string; stationName: string }[];
}

// ── guard roster ───────────────────────────────────────────────────────────────────────────
/** Column headers as the provincial system (安徽省保安监管信息系统) exports them. */
export const ROSTER_COLUMNS = {
  name: '姓名',
  idNumber: '身份证号',
  certificateNo: '保安员证号',
  company: '所属单位',
  certified: '是否持证',
} as const;
export const ROSTER_MAX_ROWS = 20000;
export const ROSTER_MAX_FILE_BYTES = 10 * 1024 * 1024;

export const ROSTER_ROW_PROBLEMS = {
  NAME_MISSING: '姓名为空',
  ID_NUMBER_FORMAT: '身份证号格式错误（应为 18 位）',
  ID_NUMBER_BIRTH_DATE: '身份证号中的出生日期无效',
  ID_NUMBER_CHECK_DIGIT: '身份证号校验位错误',
  COMPANY_MISSING: '所属单位为空',
  COMPANY_UNKNOWN: '所属单位不存在或不在本单位管辖范围内（请先登记单位，或填写统一社会信用代码）',
  CERTIFIED_INVALID: '是否持证只能填“是”或“否”',
  CERTIFICATE_NO_TOO_LONG: '保安员证号过长',
  DUPLICATE_IN_FILE: '与文件中前面的行身份证号重复',
  HELD_ELSEWHERE: '该人员已登记在其他辖区单位，请联系所在派出所',
} as const;
export type RosterRowProblem = keyof typeof ROSTER_ROW_PROBLEMS;

/** One bad row; `row` is the spreadsheet row number (the header is row 1). */
export interface RosterRowError {
  row: number;
  column: string | null;
  problem: RosterRowProblem;
  message: string;
  /** For DUPLICATE_IN_FILE: the earlier row. */
  firstRow?: number;
}

export interface RosterImportResponse {
  total: number;
  created: number;
  updated: number;
  durationMs: number;
}

export interface RosterGuardResponse {
  id: number;
  name: string;
  idNumberMasked: string;
  certificateNo: string | null;
  certified: boolean;
  company: { id: number; name: string };
  /** Whether this guard is an approved volunteer (matched by ID number). */
  joined: boolean;
  updatedAt: string;
}

export interface RosterQuery {
  companyId?: number;
  certified?: boolean;
  joined?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

// ── applications ──────────────────────────────────────────────────────────────────────────
export const OCCUPATIONS = [
  'security_guard',
  'courier',
  'rider',
  'driver',
  'shop_owner',
  'property_staff',
  'other',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  security_guard: '保安员',
  courier: '快递员',
  rider: '外卖骑手',
  driver: '网约车/出租车司机',
  shop_owner: '沿街商户',
  property_staff: '物业人员',
  other: '其他',
};

export const APPLICATION_STATUSES = ['pending_review', 'pending_approval', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending_review: '待初审（社区/派出所）',
  pending_approval: '待分局审批',
  approved: '已通过',
  rejected: '未通过',
};

export type Sex = 'male' | 'female';
export type CriminalCheckResult = 'clear' | 'record';
export const CRIMINAL_CHECK_RESULT_LABELS: Record<CriminalCheckResult, string> = {
  clear: '无违法犯罪记录',
  record: '有违法犯罪记录',
};

/** How the managing station was chosen (docs/product.md#station-assignment). */
export type AssignmentRule = 'site' | 'residence' | 'nearest' | 'manual';
/** How the managing station was chosen (docs/product.md#station-assignment). */
export const ASSIGNMENT_RULE_LABELS: Record<AssignmentRule, string> = {
  site: '按驻勤点',
  residence: '按居住社区',
  nearest: '按最近派出所',
  manual: '人工调整',
};

export interface AgreementResponse {
  version: string;
  title: string;
  body: string;
  publishedAt: string;
}

export interface ApplicationDeclarations {
  /** 本人无违法犯罪记录 */
  noCriminalRecord: boolean;
  /** 身心健康，能够胜任义警工作 */
  physicallyFit: boolean;
}

/** Body of POST /applications and PUT /applications/mine (resubmission after a rejection). */
export interface SubmitApplicationRequest {
  name: string;
  idNumber: string;
  /** The code from `getPhoneNumber` (button open-type). Optional on a resubmission: the verified phone is kept. */
  phoneCode?: string;
  occupation: Occupation;
  /** Guards (occupation `security_guard`): the employer and the service site they work at. */
  companyId?: number | null;
  siteId?: number | null;
  /** Community (org unit of level `community`) where the applicant lives. */
  residenceCommunityId?: number | null;
  /** Where the applicant is, used only when there is neither a site nor a residence community. */
  location?: { lat: number; lng: number } | null;
  skills: VolunteerSkill[];
  declarations: ApplicationDeclarations;
  /** Version of the agreement the applicant read and signed (GET /applications/agreement). */
  agreementVersion: string;
  agreementSigned: boolean;
}

/** The half-filled form, saved as it is typed; any subset of the submit fields (phone code excluded). */
export type ApplicationDraft = Partial<Omit<SubmitApplicationRequest, 'phoneCode'>> & { step?: number };
export interface ApplicationDraftResponse {
  draft: ApplicationDraft | null;
  updatedAt: string | null;
}

export interface CriminalCheckRecord {
  result: CriminalCheckResult;
  /** Who ran the check (name of the officer, as recorded). */
  checkedBy: string;
  /** When the check was run (ISO). */
  checkedAt: string;
  note: string | null;
  recordedBy: { id: number; name: string };
  recordedAt: string;
}

export interface ReviewStep {
  step: 'review' | 'approval';
  decision: 'approved' | 'rejected';
  by: { id: number; name: string };
  at: string;
  reason: string | null;
}

/** What the applicant sees of their own application. */
export interface MyApplicationResponse {
  id: number;
  status: ApplicationStatus;
  statusLabel: string;
  green: boolean;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  birthDate: string;
  sex: Sex;
  occupation: Occupation;
  company: { id: number; name: string } | null;
  site: { id: number; name: string } | null;
  residenceCommunity: OrgUnitSummary | null;
  station: OrgUnitSummary;
  skills: VolunteerSkill[];
  declarations: ApplicationDeclarations;
  agreementVersion: string;
  agreementSignedAt: string;
  rejectReason: string | null;
  submittedAt: string;
  decidedAt: string | null;
  memberNo: string | null;
}

/** What staff see in the queue and on the detail page (personal data masked). */
export interface ApplicationResponse extends MyApplicationResponse {
  applicantUserId: number;
  assignmentRule: AssignmentRule;
  /** Pending for longer than the SLA. */
  overdue: boolean;
  /** Which review step is waiting, or null once decided. */
  stage: 'review' | 'approval' | null;
  /** Steps still needed before the person becomes a volunteer (green: 1, others: 2). */
  stepsTotal: 1 | 2;
  criminalCheck: CriminalCheckRecord | null;
  steps: ReviewStep[];
  rosterMatch: { rosterGuardId: number; certificateNo: string | null } | null;
  resubmissions: number;
}

export interface ApplicationQuery {
  /** `review`: waiting for the first step; `approval`: waiting for the branch; `decided`: approved or rejected. */
  stage?: 'review' | 'approval' | 'decided';
  status?: ApplicationStatus;
  green?: boolean;
  overdue?: boolean;
  /** Org unit (in scope) whose subtree to show. */
  orgUnitId?: number;
  /** Name contains. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface RecordCriminalCheckRequest {
  result: CriminalCheckResult;
  checkedBy: string;
  /** ISO time the check was run; not in the future. */
  checkedAt: string;
  note?: string | null;
}

export interface RejectApplicationRequest {
  reason: string;
}

export type PiiField = 'idNumber' | 'phone';
export interface RevealPiiRequest {
  field: PiiField;
}
/** A volunteer's record also holds emergency contacts' phones: `contact` is the contact's position in `contacts`. */
export type VolunteerPiiField = PiiField | 'contactPhone';
export interface RevealVolunteerPiiRequest {
  field: VolunteerPiiField;
  contact?: number;
}
export interface RevealPiiResponse {
  field: VolunteerPiiField;
  value: string | null;
}

// ── volunteers: archive, assignment, talent pool ────────────────────────────────────────────
export const TEAMS = ['区域巡逻组', '安全巡查组', '应急处突组', '矛盾调解组', '宣传防范组', '交通疏导组'] as const;
export const EQUIPMENT_ITEMS = ['义警马甲', '防暴头盔', '肩灯', '长短棍', '防暴钢叉', '通讯设备', '交通工具'] as const;
/** Issued to everyone (docs/product.md#volunteers-archive, seed: 义警马甲 required). */
export const REQUIRED_EQUIPMENT = '义警马甲';
/** Talent-pool skill categories (docs/product.md#volunteers-archive). */
export const TALENT_CATEGORIES: readonly Skill[] = ['安检', '应急', '救援', '急救', '消防', '调解'];

export interface IssuedEquipment {
  item: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  count?: number;
}

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

/** Star grades by confirmed service hours (docs/product.md#volunteers-archive). */
export const LEVEL_THRESHOLDS_HOURS = [50, 100, 300, 600, 1000] as const;
export function starLevelForMinutes(
  serviceMinutes: number,
  thresholds: readonly number[] = LEVEL_THRESHOLDS_HOURS,
): number {
  const hours = serviceMinutes / 60;
  return thresholds.filter((t) => hours >= t).length;
}

export type VolunteerStatus = 'active' | 'suspended' | 'revoked';
export const VOLUNTEER_STATUS_LABELS: Record<VolunteerStatus, string> = {
  active: '在册',
  suspended: '暂停',
  revoked: '已取消资格',
};

export interface ExemptionResponse {
  id: number;
  reason: string;
  endsOn: string;
  createdBy: { id: number; name: string };
  createdAt: string;
  active: boolean;
}

export interface AssignmentResponse {
  id: number;
  fromStation: OrgUnitSummary | null;
  toStation: OrgUnitSummary;
  rule: AssignmentRule;
  reason: string | null;
  status: 'accepted' | 'pending' | 'declined';
  requestedBy: { id: number; name: string } | null;
  decidedBy: { id: number; name: string } | null;
  declineReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** The volunteer's own member card (GET /me/volunteer-card). */
export interface VolunteerCardResponse {
  memberNo: string;
  name: string;
  status: VolunteerStatus;
  statusLabel: string;
  tier: VolunteerTier;
  tierLabel: string;
  starLevel: number;
  serviceHours: number;
  station: OrgUnitSummary | null;
  company: { id: number; name: string } | null;
  teams: string[];
  skills: (VolunteerSkill & { expired: boolean; expiresSoon: boolean })[];
  equipment: IssuedEquipment[];
  joinedAt: string;
  lastDutyAt: string | null;
  /** Days until the inactivity revocation would apply (null when exempt or not active). */
  daysUntilInactivityRevocation: number | null;
}

/** The staff-facing record. */
export interface VolunteerArchiveResponse extends VolunteerCardResponse {
  id: number;
  userId: number;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  sex: Sex | null;
  birthDate: string | null;
  occupation: Occupation | null;
  site: { id: number; name: string } | null;
  residenceCommunity: OrgUnitSummary | null;
  contacts: EmergencyContact[];
  training: string[];
  commendations: string[];
  notes: string | null;
  applicationId: number | null;
  criminalCheckedAt: string | null;
  criminalCheckDueOn: string | null;
  statusReason: string | null;
  exemptions: ExemptionResponse[];
  pendingTransfer: AssignmentResponse | null;
}

export interface UpdateVolunteerRequest {
  tier?: VolunteerTier;
  teams?: string[];
  skills?: VolunteerSkill[];
  equipment?: IssuedEquipment[];
  contacts?: EmergencyContact[];
  training?: string[];
  commendations?: string[];
  notes?: string | null;
  /** Status change by staff needs `statusReason`. */
  status?: VolunteerStatus;
  statusReason?: string;
}

export interface ReassignRequest {
  stationId: number;
  reason: string;
}
export interface DeclineTransferRequest {
  reason: string;
}

export interface CreateExemptionRequest {
  reason: string;
  /** YYYY-MM-DD, today or later. */
  endsOn: string;
}

export type RecordRecheckRequest = RecordCriminalCheckRequest;

export interface VolunteerQuery {
  q?: string;
  orgUnitId?: number;
  status?: VolunteerStatus;
  tier?: VolunteerTier;
  skill?: Skill;
  page?: number;
  pageSize?: number;
}

export interface VolunteerListItem {
  id: number;
  memberNo: string;
  name: string;
  phoneMasked: string | null;
  status: VolunteerStatus;
  tier: VolunteerTier;
  starLevel: number;
  station: OrgUnitSummary | null;
  skills: VolunteerSkill[];
  teams: string[];
  lastDutyAt: string | null;
  /** Active and not on an exemption (特殊情况). */
  available: boolean;
}

export interface TalentPoolQuery {
  skill?: Skill;
  /** Area: an org unit in scope; its whole subtree is searched. */
  orgUnitId?: number;
  tier?: VolunteerTier;
  available?: boolean;
  page?: number;
  pageSize?: number;
}
export type TalentPoolResponse = Page<VolunteerListItem>;

// ── jobs ──────────────────────────────────────────────────────────────────────────────────
export const JOB_NAMES = [
  'inactivity-revocation',
  'criminal-recheck-reminders',
  'certificate-expiry-reminders',
  'level-regrade',
  // activities: lifecycle by the clock, automatic check-out, under-filled warning, free places
  'activity-upkeep',
  // the reminder an hour before an activity starts, once per sign-up
  'activity-reminders',
  // failed WeChat pushes tried again with growing back-off
  'notification-retries',
  // applications waiting past their review time: their reviewers are told once per stage
  'review-sla-warnings',
  // text messages (call-ups, urgent warnings) sent from their outbox, retried with back-off
  'sms-delivery',
  // urgent tips not accepted within the SLA: escalated to the branch once
  'tip-escalation',
  // major-event reports not acknowledged within their limit: the branch is told once
  'incident-report-overdue',
  // points-mall orders with a cash part left unpaid for 15 minutes: cancelled, stock and points returned once
  'mall-unpaid-cancel',
  // points-mall payments still open after 2 minutes: WeChat Pay is asked, a paid one is marked paid
  'mall-pay-reconcile',
  // points-mall refunds still processing: WeChat Pay is asked, a finished one completes the refund
  'mall-refund-query',
  // yesterday's WeChat Pay trade bill compared with the mall's payments; differences go to the mall operators
  'mall-trade-bill',
  // points past their expiry date (POINTS_EXPIRY) leave the balance once per lot; the guard is told 30 days before
  'points-expiry',
  'points-expiry-notice',
  // check-ins, attendance and approvals read since the last run; implausible ones flagged once for review
  'honesty-scan',
  // the dashboard's summary tables brought up to date from the raw rows (docs/dashboard.md)
  'stats-refresh',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobRunResponse {
  job: JobName;
  /** false when another instance holds the lease (nothing was done by this call). */
  ran: boolean;
  result: Record<string, number>;
}

export interface JobLeaseResponse {
  name: string;
  holder: string | null;
  leaseUntil: string | null;
  lastRunAt: string | null;
  lastResult: Record<string, number> | null;
  /** How often it runs by itself: every N minutes, or 'quarterly' (first day of a quarter). */
  every: number | 'quarterly';
  /** When the schedule runs it next (null: the scheduler is off on this server, runs only by hand). */
  nextRunAt: string | null;
}

// ── company manager ──────────────────────────────────────────────────────────────────────
export interface MyCompanyResponse {
  company: CompanyResponse;
  rosterSize: number;
  certifiedCount: number;
  joinedCount: number;
  /** joined / roster, 0–1 (0 when the roster is empty). */
  joinRate: number;
  /** Target for the company type (docs/product.md#join-rate-targets: 0.8 security companies, 0.6 others). */
  target: number;
}
