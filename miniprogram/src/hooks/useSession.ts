import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { MeResponse } from '@jianghuai/shared';
import { createStore } from '../logic/store';
import { PAGES, loginPage } from '../logic/routes';
import { clearSessionNotice, sessionNotice, watchSessionNotice } from '../logic/session-notice';
import { fetchMe, hasSession, loginWithWechatCode, logout } from '../services/auth';
import { HttpError } from '../services/http';

export type SessionState =
  | { status: 'idle' }
  | { status: 'checking'; message: string }
  | { status: 'signedIn'; me: MeResponse }
  /** `byUser`: the person tapped 退出登录, so WeChat must not sign them straight back in. */
  | { status: 'signedOut'; byUser: boolean }
  | { status: 'failed'; message: string };

export const session = createStore<SessionState>({ status: 'idle' });

/**
 * The signed-in person for any page. A page opened straight away (a reload, a link from a message)
 * loads the session itself instead of waiting for the home page to do it.
 */
export function useSession(): SessionState {
  const [state, setState] = useState(session.get());
  useEffect(() => {
    const unsubscribe = session.subscribe(setState);
    setState(session.get());
    if (session.get().status === 'idle') void startSession();
    return unsubscribe;
  }, []);
  return state;
}

/**
 * Why the last session ended, for the login pages: the reason waiting when the page opens and any that arrives
 * while it is open (refresh refused, password reset, account disabled). It is cleared when the person signs in.
 */
export function useSessionNotice(): string | null {
  const [notice, setNotice] = useState<string | null>(() => sessionNotice.get());
  useEffect(() => watchSessionNotice(setNotice), []);
  return notice;
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';

export function loginPageUrl(): string {
  return loginPage({ platform: process.env.TARO_ENV, sandbox: SANDBOX_LOGIN });
}

function failureText(error: unknown, fallback: string): string {
  return error instanceof HttpError ? error.message : fallback;
}

/** Called by the login pages once the server said yes. */
export function signedIn(me: MeResponse): void {
  clearSessionNotice();
  session.set({ status: 'signedIn', me });
  void Taro.reLaunch({ url: PAGES.home });
}

/** WeChat: `Taro.login()` gives a one-time code, the server turns it into our session. */
export async function loginWithWechat(): Promise<void> {
  session.set({ status: 'checking', message: '正在通过微信登录…' });
  try {
    const { code } = await Taro.login();
    if (!code) throw new Error('no code');
    session.set({ status: 'signedIn', me: await loginWithWechatCode(code) });
  } catch (error) {
    session.set({ status: 'failed', message: failureText(error, '微信登录没有成功，请稍后再试') });
  }
}

/** First thing on launch: resume a stored session, or sign in through WeChat, or ask to log in. */
export async function startSession(): Promise<void> {
  if (hasSession()) {
    session.set({ status: 'checking', message: '正在加载您的信息…' });
    try {
      session.set({ status: 'signedIn', me: await fetchMe() });
      return;
    } catch (error) {
      // The http client has already cleared the tokens and redirected if the session is dead.
      if (hasSession()) {
        session.set({ status: 'failed', message: failureText(error, '加载失败，请稍后再试') });
        return;
      }
    }
  }
  if (isWeapp()) {
    await loginWithWechat();
    return;
  }
  session.set({ status: 'signedOut', byUser: false });
}

export async function signOut(): Promise<void> {
  session.set({ status: 'checking', message: '正在退出…' });
  await logout();
  clearSessionNotice();
  session.set({ status: 'signedOut', byUser: true });
  if (!isWeapp()) void Taro.reLaunch({ url: loginPageUrl() });
}
