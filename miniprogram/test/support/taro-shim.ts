// Taro's H5 implementation as the tests' `@tarojs/taro`: its default export lacks request,
// showToast and friends, so build one from the named exports.
import { useEffect, useRef } from 'react';
import type TaroType from '@tarojs/taro';
import * as taroH5 from '@tarojs/taro-h5/dist/index.js';

export * from '@tarojs/taro-h5/dist/index.js';
const Taro = { ...(taroH5 as Record<string, unknown>) } as unknown as typeof TaroType;
export default Taro;

/**
 * Page lifecycle hooks come from Taro's React runtime, not taro-h5; hooks under test run outside a page, so the shim
 * keeps their callbacks and `firePageEvent` plays what WeChat does when the page shows again or is pulled down.
 */
const listeners = { show: new Set<() => void>(), pull: new Set<() => void>() };
function lifecycle(kind: keyof typeof listeners) {
  return (callback: () => void): void => {
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      const call = () => latest.current();
      listeners[kind].add(call);
      return () => {
        listeners[kind].delete(call);
      };
    }, []);
  };
}
export const usePullDownRefresh = lifecycle('pull');
export const useDidShow = lifecycle('show');
export function firePageEvent(kind: keyof typeof listeners): void {
  for (const call of listeners[kind]) call();
}
export function useDidHide(_callback: () => void): void {}
