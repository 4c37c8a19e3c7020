import { ROUTES } from './api.js';
import { ACTIVITY_ROUTES } from './activities.js';
import { ENROLMENT_ROUTES } from './applications.js';
import { FILE_ROUTES } from './files.js';
import { PAY_ROUTES } from './payments.js';
import { INSURANCE_ROUTES } from './insurance.js';
import { POINTS_ROUTES } from './points.js';
import { TEAM_ROUTES } from './teams.js';
import { TIP_ROUTES } from './tips.js';
import { DISPUTE_ROUTES } from './disputes.js';
import { INCIDENT_ROUTES } from './incident-reports.js';
import { SUPERVISION_ROUTES } from './supervision.js';
import { ALERT_ROUTES } from './alerts.js';
import { MALL_ROUTES } from './mall.js';
import { DASHBOARD_ROUTES } from './dashboard.js';
import { CALLUP_ROUTES, WARTIME_ROUTES } from './callups.js';
import { REPORT_ROUTES } from './reports.js';

/**
 * The route contract between the mini-program and the server. The route tables give the paths (relative
 * to `/api`, `:name` segments); this file gives the HTTP method(s) of every entry and the documented
 * routes the mini-program does not call. `server/test/route-contract.e2e-spec.ts` checks it against the
 * server's OpenAPI document and against the calls in `miniprogram/src/services/`.
 */
/** No PATCH: WeChat's wx.request cannot send it, so an update is a PUT (that may carry any subset of fields). */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Every route table, by the name the mini-program's services import it under. */
export const ROUTE_TABLES = {
  ROUTES,
  ACTIVITY_ROUTES,
  ENROLMENT_ROUTES,
  INSURANCE_ROUTES,
  POINTS_ROUTES,
  TEAM_ROUTES,
  FILE_ROUTES,
  PAY_ROUTES,
  TIP_ROUTES,
  DISPUTE_ROUTES,
  INCIDENT_ROUTES,
  SUPERVISION_ROUTES,
  MALL_ROUTES,
  ALERT_ROUTES,
  CALLUP_ROUTES,
  WARTIME_ROUTES,
  REPORT_ROUTES,
  DASHBOARD_ROUTES,
} as const;
export type RouteTableName = keyof typeof ROUTE_TABLES;

type MethodsOf<T> = { readonly [K in keyof T]: readonly [RouteMethod, ...RouteMethod[]] };

/** The methods each table entry is served with: one key per route, so a new route cannot go without. */
export const ROUTE_METHODS: { readonly [T in RouteTableName]: MethodsOf<(typeof ROUTE_TABLES)[T]> } = {
  ROUTES: {
    health: ['GET'],
    wechatLogin: ['POST'],
    wechatBindStaff: ['POST'],
    staffLogin: ['POST'],
    refresh: ['POST'],
    logout: ['POST'],
    me: ['GET'],
    subscriptions: ['POST'],
    clientConfig: ['GET'],
    orgUnitTree: ['GET'],
    messages: ['GET'],
    messageRead: ['POST'],
    messagesUnreadCount: ['GET'],
    adminStaff: ['GET', 'POST'],
    adminStaffMember: ['GET', 'PUT'],
    adminStaffStatus: ['POST'],
    adminStaffResetPassword: ['POST'],
    adminUnitContacts: ['GET'],
    adminUnitContact: ['PUT'],
    adminUnitContactReveal: ['POST'],
    adminAuditLogs: ['GET'],
    sandboxDemoAccounts: ['GET'],
    sandboxPay: ['POST'],
  },
  ACTIVITY_ROUTES: {
    list: ['GET'],
    detail: ['GET'],
    signUp: ['POST'],
    cancelSignUp: ['POST'],
    checkIn: ['POST'],
    checkOut: ['POST'],
    mine: ['GET'],
    myStats: ['GET'],
    propose: ['POST'],
    myProposals: ['GET'],
    adminList: ['GET'],
    adminCreate: ['POST'],
    adminDetail: ['GET'],
    adminUpdate: ['PUT'],
    publish: ['POST'],
    cancel: ['POST'],
    settle: ['POST'],
    approveProposal: ['POST'],
    rejectProposal: ['POST'],
    signups: ['GET'],
    reviewSignups: ['POST'],
    qrToken: ['GET'],
    teamQrToken: ['GET'],
    confirmAttendance: ['POST'],
    weeklyRule: ['GET'],
    places: ['GET'],
  },
  ENROLMENT_ROUTES: {
    companyOptions: ['GET'],
    agreement: ['GET'],
    communityOptions: ['GET'],
    draft: ['GET', 'PUT', 'DELETE'],
    applications: ['POST'],
    myApplication: ['GET', 'PUT'],
    myCard: ['GET'],
    adminCompanies: ['GET', 'POST'],
    adminCompany: ['GET', 'PUT', 'DELETE'],
    adminCompanySites: ['POST'],
    adminCompanySite: ['PUT', 'DELETE'],
    adminRoster: ['GET'],
    adminRosterImport: ['POST'],
    adminApplications: ['GET'],
    adminApplication: ['GET'],
    adminApplicationCriminalCheck: ['POST'],
    adminApplicationApprove: ['POST'],
    adminApplicationReject: ['POST'],
    adminApplicationReveal: ['POST'],
    adminVolunteers: ['GET'],
    adminVolunteer: ['GET', 'PUT'],
    adminVolunteerReveal: ['POST'],
    adminVolunteerAssignments: ['GET'],
    adminVolunteerReassign: ['POST'],
    adminVolunteerExemptions: ['POST'],
    adminVolunteerCriminalChecks: ['POST'],
    adminIncomingTransfers: ['GET'],
    adminAcceptTransfer: ['POST'],
    adminDeclineTransfer: ['POST'],
    adminTalentPool: ['GET'],
    adminTalentPoolExport: ['GET'],
    adminJobs: ['GET'],
    adminJobRun: ['POST'],
    myCompany: ['GET'],
    myCompanyGuards: ['GET'],
  },
  INSURANCE_ROUTES: {
    policies: ['GET', 'POST'],
    policy: ['GET'],
    enrol: ['POST'],
    enrolActivity: ['POST'],
    candidates: ['GET'],
    candidateFilters: ['GET'],
    mine: ['GET'],
  },
  POINTS_ROUTES: {
    myPoints: ['GET'],
    myLedger: ['GET'],
    adminIssued: ['GET'],
    adminLedger: ['GET'],
    reverse: ['POST'],
    adjustments: ['POST'],
  },
  TEAM_ROUTES: {
    adminTeams: ['GET', 'POST'],
    adminTeam: ['GET', 'PUT'],
    adminStationsWithoutActiveTeam: ['GET'],
    myTeams: ['GET'],
  },
  FILE_ROUTES: {
    upload: ['POST'],
    file: ['GET'],
    thumb: ['GET'],
  },
  TIP_ROUTES: {
    submit: ['POST'],
    myTips: ['GET'],
    myTip: ['GET'],
    myTipMessages: ['GET', 'POST'],
    adminTips: ['GET'],
    adminPlaces: ['GET'],
    adminTip: ['GET'],
    adminAccept: ['POST'],
    adminAssign: ['POST'],
    adminStart: ['POST'],
    adminClose: ['POST'],
    adminReject: ['POST'],
    adminDuplicate: ['POST'],
    adminRevealSubmitter: ['POST'],
    adminMessages: ['GET', 'POST'],
    adminGrade: ['POST'],
    adminGrades: ['GET'],
  },
  DISPUTE_ROUTES: {
    adminDisputes: ['GET', 'POST'],
    adminDisputeFromTip: ['POST'],
    adminDispute: ['GET'],
    adminCandidates: ['GET'],
    adminMediator: ['POST'],
    adminSteps: ['POST'],
    adminClose: ['POST'],
    myDisputes: ['GET'],
    myDispute: ['GET'],
    mySteps: ['POST'],
    myPropose: ['POST'],
  },
  INCIDENT_ROUTES: {
    companyReports: ['GET', 'POST'],
    companyReport: ['GET'],
    adminReports: ['GET'],
    adminReport: ['GET'],
    adminAcknowledge: ['POST'],
    adminClassify: ['POST'],
    adminDispose: ['POST'],
  },
  SUPERVISION_ROUTES: {
    adminInspections: ['GET', 'POST'],
    adminInspection: ['GET'],
    adminInspectionRectify: ['POST'],
    companyInspections: ['GET'],
    companyInspection: ['GET'],
    companyInspectionConfirm: ['POST'],
    adminHonestyFlags: ['GET'],
    adminHonestyFlag: ['GET'],
    adminHonestyDismiss: ['POST'],
  },
  ALERT_ROUTES: {
    adminTargets: ['GET'],
    adminRecipientCount: ['POST'],
    adminAlerts: ['GET', 'POST'],
    adminAlert: ['GET'],
    myAlerts: ['GET'],
    myAlert: ['GET'],
    myAlertRead: ['POST'],
    adminBulletins: ['GET', 'POST'],
    adminBulletin: ['GET'],
    myBulletins: ['GET'],
    myBulletin: ['GET'],
  },
  CALLUP_ROUTES: {
    adminCallupPlans: ['GET', 'POST'],
    adminCallupPlan: ['GET', 'PUT', 'DELETE'],
    adminCallupPlanLaunch: ['POST'],
    adminCallupPreview: ['POST'],
    adminCallups: ['GET', 'POST'],
    adminCallup: ['GET'],
    adminCallupClose: ['POST'],
    adminCallupBoard: ['GET'],
    adminCallupQr: ['GET'],
    adminCallupSpeed: ['GET'],
    adminCallupDraws: ['POST'],
    adminDrawInbox: ['GET'],
    adminDrawDecide: ['POST'],
    myCallups: ['GET'],
    myCallup: ['GET'],
    callupAnswer: ['POST'],
    callupArrive: ['POST'],
    callupReport: ['POST'],
    leaderCallupQr: ['GET'],
  },
  WARTIME_ROUTES: {
    adminWartime: ['GET', 'POST'],
    adminWartimeEnd: ['POST'],
    wartimeCurrent: ['GET'],
  },
  PAY_ROUTES: {
    notifyTransaction: ['POST'],
    notifyRefund: ['POST'],
  },
  MALL_ROUTES: {
    products: ['GET'],
    product: ['GET'],
    orders: ['POST'],
    myOrders: ['GET'],
    myOrder: ['GET'],
    myOrderCancel: ['POST'],
    adminProducts: ['GET', 'POST'],
    adminProduct: ['PUT'],
    adminProductShelf: ['POST'],
    adminProductStock: ['POST'],
    adminOrders: ['GET'],
    myOrderPay: ['POST'],
    myOrderPaymentCheck: ['POST'],
    adminOrder: ['GET'],
    adminOrdersExport: ['GET'],
    adminOrderReady: ['POST'],
    adminOrderRefund: ['POST'],
    adminPickupLookup: ['POST'],
    adminPickupConfirm: ['POST'],
    adminStats: ['GET'],
  },
  DASHBOARD_ROUTES: {
    adminDashboard: ['GET'],
    adminJoinRate: ['GET'],
    adminCompanyMissing: ['GET'],
    adminCertifiedMissing: ['GET'],
    adminStationsWithoutTeam: ['GET'],
    adminWeeklyRule: ['GET'],
    adminOverdueApplications: ['GET'],
  },
  REPORT_ROUTES: {
    adminTargets: ['GET', 'POST'],
    adminTargetHistory: ['GET'],
    adminStages: ['GET', 'POST'],
    adminStage: ['GET'],
    adminStageNarratives: ['GET'],
    adminStageNarrative: ['GET'],
    adminStageMyNarrative: ['GET', 'PUT'],
    adminStageCompile: ['GET'],
    adminStageExport: ['GET'],
    adminRankings: ['GET', 'POST'],
    adminRankingLatest: ['GET'],
    adminRanking: ['GET'],
    adminRankingExport: ['GET'],
  },
};

/** One route of the contract: `GET /activities/:id`. */
export type RouteKey = `${RouteMethod} /${string}`;

/**
 * Documented routes the mini-program does not call (staff tools, operations, API-only for now), each
 * with why. Everything else the server documents must be called from `miniprogram/src/services/`.
 */
export const API_ONLY_ROUTES: Readonly<Record<RouteKey, string>> = {
  'GET /health': 'liveness and readiness probe for the load balancer, monitoring and the test runners',
  'POST /admin/staff/:id/reveal': "a staff member's full phone for the administrator's HTTP tool (audited); no page",
  'DELETE /admin/companies/:id':
    'removing a company entered by mistake is a data correction by the administrator; no button',
  'GET /admin/teams/stations-without-active-team': 'stations without an active team, for the planned dashboard',
  'POST /pay/notify/transaction': "WeChat Pay's servers post a payment's signed result here; no page",
  'POST /pay/notify/refund': "WeChat Pay's servers post a refund's signed result here; no page",
  'GET /admin/report-stages/:id/narratives/:orgId':
    "one unit's narrative of a stage (scoped, 404 elsewhere) for links and the HTTP tool; the pages read the stage's list",
};

/** Every (method, path) of the route tables, e.g. `{ table: 'ROUTES', key: 'me', method: 'GET', path: '/me' }`. */
export function contractRoutes(): { table: RouteTableName; key: string; method: RouteMethod; path: string }[] {
  return (Object.keys(ROUTE_TABLES) as RouteTableName[]).flatMap((table) => {
    const paths = ROUTE_TABLES[table] as Record<string, string>;
    const methods = ROUTE_METHODS[table] as Record<string, readonly RouteMethod[]>;
    return Object.keys(paths).flatMap((key) =>
      methods[key].map((method) => ({ table, key, method, path: paths[key] })),
    );
  });
}
