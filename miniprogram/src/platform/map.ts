import Taro from '@tarojs/taro';
import type { OpenLocationOptions } from '../logic/map-navigation';

/**
 * The phone's map at a point, WeChat build: WeChat's own map page (with its route and 导航 buttons).
 * The H5 build takes map.h5.ts. Resolves false when no map could be shown.
 */
export function openMap(options: OpenLocationOptions): Promise<boolean> {
  return Taro.openLocation(options).then(
    () => true,
    () => false,
  );
}
