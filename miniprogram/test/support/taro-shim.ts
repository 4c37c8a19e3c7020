// Taro's H5 implementation as the tests' `@tarojs/taro`: its default export lacks request,
// showToast and friends, so build one from the named exports.
import type TaroType from '@tarojs/taro';
import * as taroH5 from '@tarojs/taro-h5/dist/index.js';

export * from '@tarojs/taro-h5/dist/index.js';
const Taro = { ...(taroH5 as Record<string, unknown>) } as unknown as typeof TaroType;
export default Taro;

/** Page lifecycle hooks come from Taro's React runtime, not taro-h5; hooks under test run outside a page. */
export function usePullDownRefresh(_callback: () => void): void {}
export function useDidShow(_callback: () => void): void {}
export function useDidHide(_callback: () => void): void {}
