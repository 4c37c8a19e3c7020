import { useCallback, useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { openCount } from '../logic/callups';
import { myCallups } from '../services/callups';

/**
 * How many of the guard's call-ups are open and still wait for them (the number on the 调度指令 tile): loaded when
 * `enabled` and each time the home shows. Null while unknown or after a failure, so no wrong number is shown.
 */
export function useOpenCallups(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setCount(openCount((await myCallups(1, 50)).items, Date.now()));
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
