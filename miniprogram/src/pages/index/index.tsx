import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { HomeBody, type VisitorApplicationSlot } from '../../components/home/HomeViews';
import { UrgentAlertBanner } from '../../components/alerts/UrgentAlertBanner';
import { WartimeBanner } from '../../components/callups/WartimeBanner';
import { OpenCallupsBadge } from '../../components/callups/OpenCallupsBadge';
import { useOpenCallups } from '../../hooks/useOpenCallups';
import { homeViewFor } from '../../logic/home';
import { visitorApplicationView } from '../../logic/visitor-application';
import { fetchMyApplication } from '../../services/applications';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { PAGES } from '../../logic/routes';
import { confirmSignOut, openTile } from '../../hooks/openTile';
import { useUnreadCount } from '../../hooks/useUnreadCount';
import { useTabBarBadge } from '../../hooks/useTabBarBadge';
import { loginPageUrl, loginWithWechat, session, signOut, startSession, useSession } from '../../hooks/useSession';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** A visitor who applied sees where the application stands (or why it was refused) on the home page. */
function useVisitorApplication(isVisitor: boolean): VisitorApplicationSlot {
  const [application, setApplication] = useState<VisitorApplicationSlot>({ status: 'loading' });
  const loadApplication = useCallback(async () => {
    setApplication((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    try {
      setApplication({ status: 'ready', view: visitorApplicationView(await fetchMyApplication()) });
    } catch (error) {
      setApplication({
        status: 'error',
        message: error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE,
        retry: () => void loadApplication(),
      });
    }
  }, []);
  useEffect(() => {
    if (isVisitor) void loadApplication();
  }, [isVisitor, loadApplication]);
  // Back from the form or the status page: show the new state.
  useDidShow(() => {
    if (session.get().status === 'signedIn' && isVisitor) void loadApplication();
  });
  return application;
}

export default function HomePage() {
  const state = useSession();

  useEffect(() => {
    if (session.get().status === 'idle') void startSession();
  }, []);

  useEffect(() => {
    // Outside WeChat there is no silent login: go to the login page.
    if (state.status === 'signedOut' && !isWeapp) void Taro.redirectTo({ url: loginPageUrl() });
  }, [state]);

  const view = useMemo(() => (state.status === 'signedIn' ? homeViewFor(state.me) : null), [state]);

  const isVisitor = view?.kind === 'visitor';
  const application = useVisitorApplication(isVisitor);
  const unread = useUnreadCount(view?.kind === 'staff' || view?.kind === 'volunteer');
  useTabBarBadge(unread);
  const openCallups = useOpenCallups(view?.kind === 'volunteer');

  const onSignOut = async () => {
    if (await confirmSignOut()) await signOut();
  };

  return (
    <Screen testId="home">
      {state.status === 'idle' || state.status === 'checking' ? (
        <LoadingState text={state.status === 'checking' ? state.message : '正在加载…'} />
      ) : null}

      {state.status === 'failed' ? (
        <ErrorState
          message={`${state.message}`}
          onRetry={() => void startSession()}
          retryLabel={isWeapp ? '重新登录' : '重试'}
          testId="home-error"
        />
      ) : null}

      {state.status === 'signedOut' && isWeapp ? (
        <View className="jh-state" data-testid="signed-out">
          <Text className="jh-state__text">您已退出登录</Text>
          <BigButton onClick={() => void loginWithWechat()} testId="wechat-login">
            微信一键登录
          </BigButton>
        </View>
      ) : null}

      {view ? (
        <View>
          <WartimeBanner active={view.kind === 'volunteer' || view.kind === 'staff'} />
          <UrgentAlertBanner active={view.kind === 'volunteer'} />
          <HomeBody
            view={view}
            onTap={openTile}
            application={view.kind === 'visitor' ? application : undefined}
            unread={unread}
            extras={{ callups: <OpenCallupsBadge count={openCallups} /> }}
          />
          {isWeapp && view.kind === 'visitor' ? (
            <View className="jh-link" onClick={() => void Taro.navigateTo({ url: PAGES.bindWechat })}>
              <Text>我是民警或工作人员，去绑定账号</Text>
            </View>
          ) : null}
          <View className="jh-footer">
            <BigButton kind="secondary" onClick={() => void onSignOut()} testId="logout">
              退出登录
            </BigButton>
          </View>
        </View>
      ) : null}
    </Screen>
  );
}
