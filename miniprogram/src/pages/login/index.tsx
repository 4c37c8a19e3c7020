import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DemoAccount } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { fetchDemoAccounts, loginWithWechatCode } from '../../services/auth';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { signedIn, useSessionNotice } from '../../hooks/useSession';
import { demoAccountId, groupDemoAccounts } from '../../logic/demo-accounts';
import { staffLoginPrefill } from '../../logic/staff-login-prefill';
import { PAGES } from '../../logic/routes';

type Load = { status: 'loading' } | { status: 'ready'; accounts: DemoAccount[] } | { status: 'error'; message: string };

const messageOf = (error: unknown) => (error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE);

/** The demo accounts by group, each a card to tap (showing 正在登录… while it signs in). */
function DemoAccountGroups({
  accounts,
  busyId,
  choose,
}: {
  accounts: DemoAccount[];
  busyId: string | null;
  choose: (account: DemoAccount) => void;
}) {
  return (
    <>
      {groupDemoAccounts(accounts).map((group) => (
        <View key={group.title}>
          <Text className="jh-section-title">{group.title}</Text>
          {group.accounts.map((account) => {
            const id = demoAccountId(account);
            return (
              <View
                key={id}
                className={`jh-demo-card${busyId === id ? ' jh-demo-card--busy' : ''}`}
                onClick={() => choose(account)}
                data-testid={`demo-${id}`}
              >
                <Text className="jh-demo-card__name">{account.displayName}</Text>
                <Text className="jh-demo-card__meta">
                  {[account.roleLabel, account.orgName].filter(Boolean).join(' · ')}
                </Text>
                {busyId === id ? <Text className="jh-demo-card__busy">正在登录…</Text> : null}
              </View>
            );
          })}
        </View>
      ))}
    </>
  );
}

/** Sandbox only (absent from production builds): pick who to be, one tap. */
export default function SandboxLoginPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [loginError, setLoginError] = useState<string | null>(null);
  const notice = useSessionNotice();

  const reload = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      setLoad({ status: 'ready', accounts: await fetchDemoAccounts() });
    } catch (error) {
      const notSandbox = error instanceof HttpError && error.status === 404;
      setLoad({
        status: 'error',
        message: notSandbox ? '当前服务器没有开启演示环境，请使用账号密码登录。' : messageOf(error),
      });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function choose(account: DemoAccount) {
    if (busyId) return;
    if (account.kind === 'staff') {
      staffLoginPrefill.set({ username: account.username ?? '', password: account.password ?? '' });
      void Taro.navigateTo({ url: PAGES.staffLogin });
      return;
    }
    if (!account.code) return;
    setBusyId(demoAccountId(account));
    setLoginError(null);
    try {
      signedIn(await loginWithWechatCode(account.code));
    } catch (error) {
      setLoginError(`登录没有成功：${messageOf(error)}`);
      setBusyId(null);
    }
  }

  return (
    <Screen testId="sandbox-login">
      <View className="jh-card">
        <Text className="jh-title">江淮义警 · 演示环境</Text>
        <Text className="jh-muted jh-block">
          点一下身份即可登录。义警和访客模拟微信登录，民警需要输入密码（已自动填好）。
        </Text>
      </View>

      <InlineError message={loginError ?? notice} testId="sandbox-login-error" />

      {load.status === 'loading' ? <LoadingState text="正在加载演示账号…" /> : null}
      {load.status === 'error' ? <ErrorState message={load.message} onRetry={() => void reload()} /> : null}
      {load.status === 'ready' ? (
        <DemoAccountGroups accounts={load.accounts} busyId={busyId} choose={(account) => void choose(account)} />
      ) : null}

      <View className="jh-footer">
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: PAGES.staffLogin })}
          testId="go-staff-login"
        >
          使用账号密码登录
        </BigButton>
      </View>
    </Screen>
  );
}
