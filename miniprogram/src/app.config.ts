// Evaluated by the Taro CLI at build time, so it may read the build's environment.
const isH5 = process.env.TARO_ENV === 'h5';
const isWeapp = process.env.TARO_ENV === 'weapp';
// Set by config/index.ts from the build mode: never 'true' in a production build.
const withSandboxLogin = isH5 && process.env.JH_BUILD_SANDBOX_LOGIN === 'true';

const pages = [
  'pages/index/index',
  'pages/staff-login/index',
  // 隐私政策, opened from the privacy popup, the apply form, 我的 and the visitor's home
  'pages/privacy/index',
  // Demo-identity picker: only in H5 builds against the WeChat sandbox, never in production.
  ...(withSandboxLogin ? ['pages/login/index'] : []),
  // Binding a staff account to WeChat needs getPhoneNumber, which only exists inside WeChat.
  ...(isWeapp ? ['pages/bind-wechat/index'] : []),
];

// Volunteer-facing pages of each domain (main package: keep them light).
const applicationPages: string[] = [
  'pages/apply/index',
  'pages/application-status/index',
  'pages/member-card/index',
  'pages/messages/index',
  'pages/mine/index',
];
const activityPages: string[] = [
  'pages/activity/list',
  'pages/activity/detail',
  'pages/activity/mine',
  'pages/activity/checkin',
  'pages/points/index',
  'pages/insurance/index',
];
// Tips (线索上报): a guard files one in three screens and follows it.
const tipPages: string[] = ['pages/tips/new', 'pages/tips/mine', 'pages/tips/detail'];

export default defineAppConfig({
  pages: [...pages, ...applicationPages, ...activityPages, ...tipPages],
  subPackages: [
    // Staff-only pages live in sub-packages: volunteers never download them.
    {
      root: 'admin',
      pages: [
        'staff/index',
        'audit-logs/index',
        'jobs/index',
        'staff-new/index',
        'staff-detail/index',
        'unit-contacts/index',
      ],
    },
    {
      root: 'admin-applications',
      pages: [
        'review/index',
        'review-detail/index',
        'volunteers/index',
        'volunteer/index',
        'talent/index',
        'companies/index',
        'company/index',
        'roster/index',
        'my-company/index',
      ],
    },
    // Activities: publish, QR screen, attendance, proposals.
    {
      root: 'admin-activities',
      pages: [
        'list/index',
        'edit/index',
        'detail/index',
        'qr/index',
        'attendance/index',
        'proposals/index',
        'signups/index',
        'points/index',
        'insurance/index',
        'insurance/policy/index',
        'weekly/index',
      ],
    },
    // Activity proposals by volunteers and company managers (few use it: kept out of the main package).
    { root: 'proposals', pages: ['new/index', 'mine/index'] },
    // A station's teams (队伍): list with the active state, create and edit.
    { root: 'admin-teams', pages: ['list/index', 'edit/index'] },
    // Tips: the officers' queue and one tip's handling.
    { root: 'admin-tips', pages: ['list/index', 'detail/index'] },
    // Early warnings and bulletins: the guard's list and pages (opened from home and from messages) and the
    // officers' forms and read figures.
    { root: 'alerts', pages: ['list/index', 'detail/index', 'bulletin/index'] },
    {
      root: 'admin-alerts',
      pages: ['list/index', 'new/index', 'detail/index', 'bulletin-new/index', 'bulletin/index'],
    },
    // Disputes (纠纷) and major-event reports (重大事项): the officers' case file and the reports they receive.
    {
      root: 'admin-cases',
      pages: ['disputes/index', 'dispute-new/index', 'dispute/index', 'reports/index', 'report/index'],
    },
    // Company supervision (监督检查) and data honesty (数据核查) for officers; the company manager's 检查整改.
    {
      root: 'admin-supervision',
      pages: [
        'inspections/index',
        'inspection-new/index',
        'inspection/index',
        'flags/index',
        'flag/index',
        'company-inspections/index',
        'company-inspection/index',
      ],
    },
    // The company manager's reports and the volunteer mediator's cases (few use them: kept out of the main package).
    {
      root: 'cases',
      pages: ['report-new/index', 'reports/index', 'report/index', 'mediation/index', 'mediation-detail/index'],
    },
    // Call-ups (调度指令): the guard's list, answer, arrival and feedback, the team leader's arrival code; the officers'
    // sending, plans, live board, war-time, draws and response speed.
    { root: 'callups', pages: ['list/index', 'detail/index', 'report/index', 'qr/index'] },
    {
      root: 'admin-callups',
      pages: [
        'list/index',
        'new/index',
        'board/index',
        'qr/index',
        'plans/index',
        'wartime/index',
        'draws/index',
        'speed/index',
      ],
    },
    // Points mall, the guard's side: shop, product and confirm, orders with pickup code; the sandbox's pay page
    // stands in for WeChat's cashier in H5 demo builds only (like pages/login).
    {
      root: 'mall',
      pages: [
        'index/index',
        'product/index',
        'orders/index',
        'order/index',
        ...(withSandboxLogin ? ['sandbox-pay/index'] : []),
      ],
    },
    // Points mall, the staff's side: the operator's products, orders and statistics; pickup (核销) at the stations.
    {
      root: 'admin-mall',
      pages: ['products/index', 'product/index', 'orders/index', 'order/index', 'stats/index', 'verify/index'],
    },
    // The bureau's view: 数据看板 and its lists, 目标设置, 阶段报告, 晒比通报 (the chart library lives only here).
    {
      root: 'admin-dashboard',
      pages: ['index/index', 'list/index', 'targets/index', 'stages/index', 'stage/index', 'ranking/index'],
    },
  ],
  // 首页 is the staff's workbench, 消息 their inbox, 我的 their account; tab pages stay in the main package.
  tabBar: {
    color: '#475467',
    selectedColor: '#0b3d91',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/activity/list',
        text: '活动',
        iconPath: 'assets/tab/activity.png',
        selectedIconPath: 'assets/tab/activity-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b3d91',
    navigationBarTitleText: '江淮义警',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
  },
  // WeChat asks these to be declared before getLocation / chooseLocation work (check-in, publishing
  // an activity, distances in the activity list). Other domains needing location share these lines.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // WeChat's privacy authorisation: location, phone number and photos wait for the app's own popup
  // (components/PrivacyGate) through wx.onNeedPrivacyAuthorization.
  ...(isWeapp ? ({ __usePrivacyCheck__: true } as Record<string, unknown>) : {}),
  permission: { 'scope.userLocation': { desc: '用于活动签到时确认您在活动地点附近，以及显示活动距离' } },
});
