/** Page paths, in one place so links and redirects cannot drift from app.config.ts. */
export const PAGES = {
  home: '/pages/index/index',
  staffLogin: '/pages/staff-login/index',
  sandboxLogin: '/pages/login/index',
  bindWechat: '/pages/bind-wechat/index',
  adminStaff: '/admin/staff/index',
  adminStaffNew: '/admin/staff-new/index',
  adminStaffDetail: '/admin/staff-detail/index',
  adminUnitContacts: '/admin/unit-contacts/index',
  adminAuditLogs: '/admin/audit-logs/index',
  adminJobs: '/admin/jobs/index',
  // joining the force (docs/product.md#people)
  apply: '/pages/apply/index',
  applicationStatus: '/pages/application-status/index',
  memberCard: '/pages/member-card/index',
  messages: '/pages/messages/index',
  mine: '/pages/mine/index',
  privacy: '/pages/privacy/index',
  adminReviewQueue: '/admin-applications/review/index',
  adminReviewDetail: '/admin-applications/review-detail/index',
  adminVolunteers: '/admin-applications/volunteers/index',
  adminVolunteer: '/admin-applications/volunteer/index',
  adminTalentPool: '/admin-applications/talent/index',
  adminCompanies: '/admin-applications/companies/index',
  adminCompany: '/admin-applications/company/index',
  adminRoster: '/admin-applications/roster/index',
  myCompany: '/admin-applications/my-company/index',
  // activities: volunteer pages in the main package, staff pages in admin-activities
  activityList: '/pages/activity/list',
  activityDetail: '/pages/activity/detail',
  myActivities: '/pages/activity/mine',
  checkin: '/pages/activity/checkin',
  points: '/pages/points/index',
  myInsurance: '/pages/insurance/index',
  adminActivities: '/admin-activities/list/index',
  adminActivityEdit: '/admin-activities/edit/index',
  adminActivityDetail: '/admin-activities/detail/index',
  adminActivityQr: '/admin-activities/qr/index',
  adminAttendance: '/admin-activities/attendance/index',
  adminProposals: '/admin-activities/proposals/index',
  adminActivitySignups: '/admin-activities/signups/index',
  adminPoints: '/admin-activities/points/index',
  adminInsurance: '/admin-activities/insurance/index',
  adminInsurancePolicy: '/admin-activities/insurance/policy/index',
  adminWeeklyRule: '/admin-activities/weekly/index',
  // teams of a station (sub-package)
  adminTeams: '/admin-teams/list/index',
  adminTeamEdit: '/admin-teams/edit/index',
  // proposals by a volunteer or a company manager (sub-package)
  proposalNew: '/proposals/new/index',
  myProposals: '/proposals/mine/index',
  // tips: the guard's form and own tips in the main package, the officers' queue in admin-tips
  tipNew: '/pages/tips/new',
  myTips: '/pages/tips/mine',
  myTip: '/pages/tips/detail',
  adminTips: '/admin-tips/list/index',
  adminTip: '/admin-tips/detail/index',
  // early warnings and situation bulletins: the guard's list and pages (sub-package alerts), the officers' in
  // admin-alerts
  myAlerts: '/alerts/list/index',
  myAlert: '/alerts/detail/index',
  myBulletin: '/alerts/bulletin/index',
  adminAlerts: '/admin-alerts/list/index',
  adminAlertNew: '/admin-alerts/new/index',
  adminAlert: '/admin-alerts/detail/index',
  adminBulletinNew: '/admin-alerts/bulletin-new/index',
  adminBulletin: '/admin-alerts/bulletin/index',
  // disputes and major-event reports: the officers' pages in admin-cases; the company manager's and the
  // mediator's in cases
  adminDisputes: '/admin-cases/disputes/index',
  adminDisputeNew: '/admin-cases/dispute-new/index',
  adminDispute: '/admin-cases/dispute/index',
  adminReports: '/admin-cases/reports/index',
  adminReport: '/admin-cases/report/index',
  reportNew: '/cases/report-new/index',
  myReports: '/cases/reports/index',
  myReport: '/cases/report/index',
  myMediations: '/cases/mediation/index',
  myMediation: '/cases/mediation-detail/index',
  // points mall: the guard's pages (sub-package mall); the sandbox pay page exists only in H5 demo builds
  mallHome: '/mall/index/index',
  mallProduct: '/mall/product/index',
  mallOrders: '/mall/orders/index',
  mallOrder: '/mall/order/index',
  mallSandboxPay: '/mall/sandbox-pay/index',
  // points mall, the staff's side (sub-package admin-mall): products, orders, statistics, pickup (核销)
  adminMallProducts: '/admin-mall/products/index',
  adminMallProduct: '/admin-mall/product/index',
  adminMallOrders: '/admin-mall/orders/index',
  adminMallOrder: '/admin-mall/order/index',
  adminMallStats: '/admin-mall/stats/index',
  adminMallVerify: '/admin-mall/verify/index',
  // the bureau's view (sub-package admin-dashboard): 数据看板, the list behind each figure, 目标设置, 阶段报告, 晒比通报
  dashboard: '/admin-dashboard/index/index',
  dashboardList: '/admin-dashboard/list/index',
  dashboardTargets: '/admin-dashboard/targets/index',
  dashboardStages: '/admin-dashboard/stages/index',
  dashboardStage: '/admin-dashboard/stage/index',
  dashboardRanking: '/admin-dashboard/ranking/index',
  // call-ups: the guard's pages (sub-package callups), the officers' in admin-callups
  myCallups: '/callups/list/index',
  myCallup: '/callups/detail/index',
  callupReport: '/callups/report/index',
  leaderCallupQr: '/callups/qr/index',
  adminCallups: '/admin-callups/list/index',
  adminCallupNew: '/admin-callups/new/index',
  adminCallupBoard: '/admin-callups/board/index',
  adminCallupQr: '/admin-callups/qr/index',
  adminCallupPlans: '/admin-callups/plans/index',
  adminWartime: '/admin-callups/wartime/index',
  adminCallupDraws: '/admin-callups/draws/index',
  adminCallupSpeed: '/admin-callups/speed/index',
  // company supervision and data honesty (sub-package admin-supervision): the officers' 监督检查 and 数据核查,
  // the company manager's 检查整改
  inspections: '/admin-supervision/inspections/index',
  inspectionNew: '/admin-supervision/inspection-new/index',
  inspection: '/admin-supervision/inspection/index',
  honestyFlags: '/admin-supervision/flags/index',
  honestyFlag: '/admin-supervision/flag/index',
  companyInspections: '/admin-supervision/company-inspections/index',
  companyInspection: '/admin-supervision/company-inspection/index',
} as const;

/** The tab bar's pages (app.config.ts tabBar): reached with switchTab, never with a query. */
export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.activityList, PAGES.messages, PAGES.mine];

/** Whether a URL (with or without its query) is a tab page. */
export function isTabPage(url: string): boolean {
  return TAB_PAGES.includes(url.split('?')[0]);
}

export interface LoginTarget {
  platform: string;
  sandbox: boolean;
}

/**
 * Where a signed-out person goes. Inside WeChat the home page logs in by itself with
 * `Taro.login()`; the H5 build offers the demo identities when built against the sandbox and
 * the staff password form otherwise.
 */
export function loginPage({ platform, sandbox }: LoginTarget): string {
  if (platform === 'weapp') return PAGES.home;
  return sandbox ? PAGES.sandboxLogin : PAGES.staffLogin;
}

export type PagePath = (typeof PAGES)[keyof typeof PAGES];

/** The one way to build a page URL: a page from PAGES and its query, each value encoded. */
export function pageUrl(page: PagePath, query: Record<string, string | number> = {}): string {
  const pairs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return pairs.length ? `${page}?${pairs.join('&')}` : page;
}
