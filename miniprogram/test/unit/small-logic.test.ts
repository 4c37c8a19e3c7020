import { describe, expect, it } from 'vitest';
import type { DemoAccount } from '@jianghuai/shared';
import { formatDateTime } from '../../src/logic/format';
import { loginPage, PAGES } from '../../src/logic/routes';
import { demoAccountId, groupDemoAccounts } from '../../src/logic/demo-accounts';
import { apiBase, buildConstants, sandboxLogin } from '../../config/constants';
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

describe('loginPage', () => {
  it('WeChat logs in on the home page; H5 goes to the demo list or the password form', () => {
    expect(loginPage({ platform: 'weapp', sandbox: true })).toBe(PAGES.home);
    expect(loginPage({ platform: 'h5', sandbox: true })).toBe(PAGES.sandboxLogin);
    expect(loginPage({ platform: 'h5', sandbox: false })).toBe(PAGES.staffLogin);
  });
});

describe('build constants', () => {
  it('H5 talks to its own origin, weapp to the local server, TARO_APP_API overrides both', () => {
    expect(apiBase({ TARO_ENV: 'h5' })).toBe('');
    expect(apiBase({ TARO_ENV: 'weapp' })).toBe('http://127.0.0.1:3000');
    expect(apiBase({ TARO_ENV: 'weapp', TARO_APP_API: 'https://yj.example.cn/' })).toBe('https://yj.example.cn');
  });
  it('the sandbox login is on unless the build says TARO_APP_SANDBOX=false', () => {
    expect(sandboxLogin({})).toBe(true);
    expect(sandboxLogin({ TARO_APP_SANDBOX: 'false' })).toBe(false);
    expect(buildConstants({ TARO_ENV: 'h5', TARO_APP_SANDBOX: 'false' })).toEqual({ API_BASE: '""', SANDBOX_LOGIN: 'false' });
  });
});

describe('demo accounts', () => {
  const account = (kind: DemoAccount['kind'], name: string, code: string | null, username: string | null): DemoAccount => ({
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
