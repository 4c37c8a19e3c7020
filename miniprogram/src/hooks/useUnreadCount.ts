import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { fetchUnreadCount } from '../services/messages';

/**
 * The signed-in person's unread message count for a badge: loaded when `enabled` and again each time the page shows
 * (back from the message list). Null while unknown or after a failure, so no wrong number is shown.
 */
export function useUnreadCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setCount((await fetchUnreadCount()).unread);
    } catch {
      setCount(null);
    }
  }, []);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  useDidShow(() => {
    if (enabled) void load();
  });
  return count;
}
