import type { DemoAccount } from '@jianghuai/shared';

export interface DemoGroup {
  title: string;
  accounts: DemoAccount[];
}

const GROUPS: { kind: DemoAccount['kind']; title: string }[] = [
  { kind: 'volunteer', title: '义警（微信登录）' },
  { kind: 'visitor', title: '还不是义警的访客（微信登录）' },
  { kind: 'staff', title: '民警 / 工作人员（账号密码登录）' },
];

export function groupDemoAccounts(accounts: DemoAccount[]): DemoGroup[] {
  return GROUPS.map(({ kind, title }) => ({ title, accounts: accounts.filter((a) => a.kind === kind) })).filter(
    (group) => group.accounts.length > 0,
  );
}

/** Stable id of a demo card for tests: the sandbox code or the username. */
export function demoAccountId(account: DemoAccount): string {
  return account.code ?? account.username ?? account.displayName;
}
