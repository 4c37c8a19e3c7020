import { createStore } from './store';

/**
 * Why the person was sent back to log in (e.g. "登录已过期，请重新登录"). A toast can vanish
 * with the page change, so the login page shows this once instead.
 */
export const sessionNotice = createStore<string | null>(null);

export function takeSessionNotice(): string | null {
  const notice = sessionNotice.get();
  sessionNotice.set(null);
  return notice;
}
