import Taro from '@tarojs/taro';
import { BASE_FONT_PX, readFontScale, scaledPx } from '../logic/font-scale';

let cached: number | null = null;

/** The person's font scale, read once: WeChat restarts the mini-program when it changes. */
export function fontScale(): number {
  cached ??= readFontScale((Taro as { getAppBaseInfo?: () => unknown }).getAppBaseInfo);
  return cached;
}

/** Root font size of a page; every text size below it is in `em`. */
export function useRootFontSize(): string {
  return Taro.pxTransform(scaledPx(BASE_FONT_PX, fontScale()));
}
