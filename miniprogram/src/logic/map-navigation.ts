import type { ActivityLocation } from '@jianghuai/shared';

/**
 * The 导航 button: guards never read coordinates; the phone's map takes them. In WeChat that is
 * `Taro.openLocation` (the built-in map, with its route and 导航 buttons; activity points are GCJ-02,
 * the coordinates it expects). The browser build has no such map outside WeChat's JS-SDK (Taro's H5
 * openLocation then only logs a warning), so it opens the Amap marker page, which needs no key and
 * hands over to the map app on a phone.
 */

export interface OpenLocationOptions {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
  scale: number;
}

/** Close enough to see the streets around the point. */
export const NAVIGATION_SCALE = 16;

export function openLocationOptions(title: string, location: ActivityLocation): OpenLocationOptions {
  return {
    latitude: location.lat,
    longitude: location.lng,
    name: title,
    address: location.address,
    scale: NAVIGATION_SCALE,
  };
}

/** The Amap marker page for the point (lng,lat order; `coordinate=gaode` = GCJ-02). */
export function mapLinkUrl(o: OpenLocationOptions): string {
  const params = [
    `position=${o.longitude},${o.latitude}`,
    `name=${encodeURIComponent(o.name || o.address)}`,
    'src=jianghuai',
    'coordinate=gaode',
    'callnative=1',
  ];
  return `https://uri.amap.com/marker?${params.join('&')}`;
}

/** The WeChat map where there is one (the mini-program, or a page inside WeChat with its JS-SDK), else the link. */
export function navigationMethod(env: {
  taroEnv: string | undefined;
  wxOpenLocation: boolean;
}): 'openLocation' | 'link' {
  if (env.taroEnv && env.taroEnv !== 'h5') return 'openLocation';
  return env.wxOpenLocation ? 'openLocation' : 'link';
}

/** What the page says when no map could be opened: the address to search for by hand. */
export function navigationFallback(address: string): string {
  return `没能打开地图。请在手机地图里搜索：${address}`;
}
