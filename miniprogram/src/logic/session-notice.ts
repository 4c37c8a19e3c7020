import { createStore } from './store';

/**
 * Why the person was sent back to log in (e.g. "登录已过期，请重新登录"). A toast can vanish with the page change,
 * so the login page shows this instead. It stays until the person signs in again: a session end often brings two
 * navigations in a row (the http client's and the home page's), and a login page opened by the second must still
 * say why.
 */
export const sessionNotice = createStore<string | null>(null);

/**
 * Calls `show` with the reason waiting now, and with each reason a later session end brings, while the page is
 * open (the reason may arrive after the login page is already shown). Returns the unsubscribe function.
 */
export function watchSessionNotice(show: (notice: string) => void): () => void {
  const unsubscribe = sessionNotice.subscribe((notice) => {
    if (notice) show(notice);
  });
  const waiting = sessionNotice.get();
  if (waiting) show(waiting);
  return unsubscribe;
}

/** The person signed in again (or signed out themselves): the old reason is no longer news. */
export function clearSessionNotice(): void {
  sessionNotice.set(null);
}
