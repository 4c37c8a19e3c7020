import { describe, expect, it, vi } from 'vitest';
import type { DemoAccount } from '@jianghuai/shared';
import { formatDateTime } from '../../src/logic/format';
import { loginPage, PAGES, pageUrl } from '../../src/logic/routes';
import { demoAccountId, groupDemoAccounts } from '../../src/logic/demo-accounts';
import { apiBase, BuildConfigError, buildConstants, buildProfile, type BuildEnv } from '../../config/constants';
import { validateStaffLogin } from '../../src/hooks/useStaffLogin';

describe('formatDateTime', () => {
  it('shows Shanghai time whatever the phone zone', () => {
    expect(formatDateTime('2026-03-01T01:05:00.000Z')).toBe('2026-03-01 09:05');
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });
  it('shows an unparseable value as it is', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('pageUrl', () => {
  it('is the page alone without a query, and encodes each query value', () => {
    expect(pageUrl(PAGES.home)).toBe('/pages/index/index');
    expect(pageUrl(PAGES.activityDetail, { id: 7 })).toBe('/pages/activity/detail?id=7');
    expect(pageUrl(PAGES.adminReviewQueue, { stage: 'a&b', n: 2 })).toBe(
      '/admin-applications/review/index?stage=a%26b&n=2',
    );
  });
});

describe('loginPage', () => {
  it('WeChat logs in on the home page; H5 goes to the demo list or the password form', () => {
    expect(loginPage({ platform: 'weapp', sandbox: true })).toBe(PAGES.home);
    expect(loginPage({ platform: 'h5', sandbox: true })).toBe(PAGES.sandboxLogin);
    expect(loginPage({ platform: 'h5', sandbox: false })).toBe(PAGES.staffLogin);
  });
});

describe('build profile (follows the Taro build mode)', () => {
  it('H5 talks to its own origin, weapp to the local server outside production, TARO_APP_API overrides both', () => {
    expect(apiBase({ TARO_ENV: 'h5' }, 'demo')).toBe('');
    expect(apiBase({ TARO_ENV: 'weapp' }, 'demo')).toBe('http://127.0.0.1:3000');
    expect(apiBase({ TARO_ENV: 'weapp', TARO_APP_API: 'https://yj.example.cn/' }, 'production')).toBe(
      'https://yj.example.cn',
    );
  });

  it('a production build (the default mode of taro build) never carries the demo login page, whatever the environment says', () => {
    for (const mode of ['production', undefined]) {
      const env = { TARO_ENV: 'h5', TARO_APP_SANDBOX: 'true', TARO_APP_API: '' } as BuildEnv;
      expect(buildProfile(env, mode)).toEqual({ production: true, apiBase: '', sandboxLogin: false });
      expect(buildConstants(env, mode)).toEqual({ API_BASE: '""', SANDBOX_LOGIN: 'false' });
    }
    expect(buildProfile({ TARO_ENV: 'h5' }, 'demo').sandboxLogin).toBe(true);
    expect(buildProfile({ TARO_ENV: 'h5' }, 'development').sandboxLogin).toBe(true);
  });

  it('app.config.ts builds the demo login page only when the build mode allowed it', async () => {
    const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown };
    const before = { env: { ...process.env }, define: g.defineAppConfig };
    g.defineAppConfig = (c) => c;
    const pagesFor = async (sandboxLogin: string | undefined) => {
      vi.resetModules();
      process.env.TARO_ENV = 'h5';
      if (sandboxLogin === undefined) delete process.env.JH_BUILD_SANDBOX_LOGIN;
      else process.env.JH_BUILD_SANDBOX_LOGIN = sandboxLogin;
      return ((await import('../../src/app.config')).default as unknown as { pages: string[] }).pages;
    };
    try {
      // what config/index.ts sets from the mode: production → 'false'; demo → 'true'
      expect(await pagesFor(String(buildProfile({ TARO_ENV: 'h5' }, 'production').sandboxLogin))).not.toContain(
        'pages/login/index',
      );
      expect(await pagesFor(undefined)).not.toContain('pages/login/index');
      expect(await pagesFor(String(buildProfile({ TARO_ENV: 'h5' }, 'demo').sandboxLogin))).toContain(
        'pages/login/index',
      );
    } finally {
      process.env = before.env;
      g.defineAppConfig = before.define;
    }
  });

  it('a production weapp build fails without an https API address instead of defaulting to http://127.0.0.1:3000', () => {
    expect(() => buildProfile({ TARO_ENV: 'weapp' }, 'production')).toThrow(BuildConfigError);
    expect(() => buildProfile({ TARO_ENV: 'weapp' }, undefined)).toThrow(/TARO_APP_API/);
    expect(() => buildProfile({ TARO_ENV: 'weapp', TARO_APP_API: 'http://yj.example.cn' }, 'production')).toThrow(
      /https/,
    );
    expect(() => buildProfile({ TARO_ENV: 'weapp', TARO_APP_API: 'https://' }, 'production')).toThrow(BuildConfigError);
    expect(buildProfile({ TARO_ENV: 'weapp', TARO_APP_API: 'https://yj.example.cn' }, 'production')).toEqual({
      production: true,
      apiBase: 'https://yj.example.cn',
      sandboxLogin: false,
    });
    // outside production the local server is fine
    expect(buildProfile({ TARO_ENV: 'weapp' }, 'demo').apiBase).toBe('http://127.0.0.1:3000');
  });
});

describe('demo accounts', () => {
  const account = (
    kind: DemoAccount['kind'],
    name: string,
    code: string | null,
    username: string | null,
  ): DemoAccount => ({
    kind,
    code,
    username,
    password: username ? 'pw' : null,
    displayName: name,
    roleLabel: '',
    orgName: null,
  });
  it('groups volunteers, visitors and staff in that order and drops empty groups', () => {
    const groups = groupDemoAccounts([
      account('staff', '王所长', null, 'pinghu_station'),
      account('volunteer', '张伟', 'sandbox-zhangwei', null),
    ]);
    expect(groups.map((g) => g.accounts.map((a) => a.displayName))).toEqual([['张伟'], ['王所长']]);
    expect(demoAccountId(groups[0].accounts[0])).toBe('sandbox-zhangwei');
    expect(demoAccountId(groups[1].accounts[0])).toBe('pinghu_station');
  });
});

describe('validateStaffLogin', () => {
  it('asks for what is missing before calling the server', () => {
    expect(validateStaffLogin('  ', 'x')).toBe('请输入用户名');
    expect(validateStaffLogin('admin', '')).toBe('请输入密码');
    expect(validateStaffLogin('admin', 'x')).toBeNull();
  });
});
