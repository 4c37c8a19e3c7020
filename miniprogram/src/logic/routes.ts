/** Page paths, in one place so links and redirects cannot drift from app.config.ts. */
export const PAGES = {
  home: '/pages/index/index',
  staffLogin: '/pages/staff-login/index',
  sandboxLogin: '/pages/login/index',
  bindWechat: '/pages/bind-wechat/index',
  adminStaff: '/admin/staff/index',
  adminAuditLogs: '/admin/audit-logs/index',
} as const;

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
