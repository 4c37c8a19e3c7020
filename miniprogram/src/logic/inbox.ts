/**
 * The in-app messages (消息) entry: the tile on the staff home, its unread badge, and where a message's link leads.
 * Staff and volunteers share one message page; each message kind links to the page that deals with it.
 */
import type { HomeTile } from './home';
import { PAGES } from './routes';

export const INBOX_TILE: HomeTile = {
  key: 'inbox',
  label: '消息',
  hint: '审核超时、调入待接收等提醒',
  target: { kind: 'page', url: PAGES.messages },
};

/** The badge's text: nothing when there is nothing unread (or the count is unknown), at most “99+”. */
export function unreadBadgeText(count: number | null | undefined): string {
  if (!count || count < 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** What the badge says to a screen reader and beside the number: colour is never the only signal. */
export function unreadLabel(count: number | null | undefined): string {
  return count && count > 0 ? `${unreadBadgeText(count)} 条未读` : '';
}

/** The mini-program URL of a message's link (`admin-applications/review-detail/index?id=5`); null without one. */
export function messageTarget(page: string | null | undefined): string | null {
  const link = page?.trim();
  if (!link || !/^\/?[a-z0-9-]+\/[a-z0-9-/]+(\?[^\s]*)?$/.test(link)) return null;
  return link.startsWith('/') ? link : `/${link}`;
}

/** The hint under a message: what a tap does. */
export function messageTapHint(read: boolean, hasLink: boolean): string {
  if (hasLink) return read ? '已读 · 点击查看' : '点击查看';
  return read ? '已读' : '点击标为已读';
}
