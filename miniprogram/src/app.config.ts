// Evaluated by the Taro CLI at build time, so it may read the build's environment.
const isH5 = process.env.TARO_ENV === 'h5';
const isWeapp = process.env.TARO_ENV === 'weapp';
const withSandboxLogin = isH5 && process.env.TARO_APP_SANDBOX !== 'false';

const pages = [
  'pages/index/index',
  'pages/staff-login/index',
  // Demo-identity picker: only in H5 builds against the WeChat sandbox, never in production.
  ...(withSandboxLogin ? ['pages/login/index'] : []),
  // Binding a staff account to WeChat needs getPhoneNumber, which only exists inside WeChat.
  ...(isWeapp ? ['pages/bind-wechat/index'] : []),
];

// Volunteer-facing pages of each domain (main package: keep them light).
const applicationPages: string[] = [];
const activityPages: string[] = [];

export default defineAppConfig({
  pages: [...pages, ...applicationPages, ...activityPages],
  subPackages: [
    // Staff-only pages live in sub-packages: volunteers never download them.
    { root: 'admin', pages: ['staff/index', 'audit-logs/index'] },
    // { root: 'admin-applications', pages: [...] },  — review queues, companies, roster, archive
    // { root: 'admin-activities', pages: [...] },    — publish, QR screen, attendance, proposals
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b3d91',
    navigationBarTitleText: '江淮义警',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
  },
});
