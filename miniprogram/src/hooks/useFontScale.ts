import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { BASE_FONT_PX, readFontScale, scaledPx, textSizeScale, type TextSizeKey } from '../logic/font-scale';
import { createStore } from '../logic/store';

let cached: number | null = null;
const TEXT_SIZE_KEY = 'jh.textSize';

function storedTextSize(): TextSizeKey {
  try {
    return (Taro.getStorageSync(TEXT_SIZE_KEY) as TextSizeKey) || 'standard';
  } catch {
    return 'standard';
  }
}

/** The text size picked on the 我的 page (H5 only: inside WeChat the person's WeChat font size applies). */
export const textSize = createStore<TextSizeKey>(process.env.TARO_ENV === 'h5' ? storedTextSize() : 'standard');

export function chooseTextSize(key: TextSizeKey): void {
  Taro.setStorageSync(TEXT_SIZE_KEY, key);
  textSize.set(key);
}

/** The person's font scale, read once: WeChat restarts the mini-program when it changes. */
export function fontScale(): number {
  cached ??= readFontScale((Taro as { getAppBaseInfo?: () => unknown }).getAppBaseInfo);
  return Math.max(cached, textSizeScale(textSize.get()));
}

/** The chosen text size, following changes (for the size picker). */
export function useTextSize(): TextSizeKey {
  const [key, setKey] = useState(textSize.get());
  useEffect(() => textSize.subscribe(setKey), []);
  return key;
}

/** Root font size of a page; every text size below it is in `em`. */
export function useRootFontSize(): string {
  useTextSize();
  return Taro.pxTransform(scaledPx(BASE_FONT_PX, fontScale()));
}
