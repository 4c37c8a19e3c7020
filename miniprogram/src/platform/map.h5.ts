import Taro from '@tarojs/taro';
import { mapLinkUrl, navigationMethod, type OpenLocationOptions } from '../logic/map-navigation';

/**
 * The phone's map at a point, browser build (the WeChat twin is map.ts): inside WeChat's browser with
 * its JS-SDK, WeChat's map; elsewhere Taro's openLocation does nothing, so the Amap marker page opens
 * in a new tab. Resolves false when the browser blocked it.
 */
export async function openMap(options: OpenLocationOptions): Promise<boolean> {
  const wx = (window as unknown as { wx?: { openLocation?: unknown } }).wx;
  const method = navigationMethod({ taroEnv: 'h5', wxOpenLocation: typeof wx?.openLocation === 'function' });
  if (method === 'openLocation')
    return Taro.openLocation(options).then(
      () => true,
      () => false,
    );
  const opened = window.open(mapLinkUrl(options), '_blank');
  if (!opened) return false;
  opened.opener = null;
  return true;
}
