import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { unreadBadgeText } from '../logic/inbox';

/** The 消息 tab's index in app.config.ts tabBar. */
const MESSAGES_TAB = 2;

/** Shows the unread count on the 消息 tab (none at zero or while unknown). Only valid on a tab page. */
export function useTabBarBadge(count: number | null): void {
  useEffect(() => {
    const text = unreadBadgeText(count);
    const done = () => undefined;
    if (text) void Taro.setTabBarBadge({ index: MESSAGES_TAB, text }).catch(done);
    else void Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done);
  }, [count]);
}
