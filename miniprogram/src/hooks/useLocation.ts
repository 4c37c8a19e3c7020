import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@jianghuai/shared';
import { isPrivacyRefusal, privacyRefusalMessage } from '../logic/privacy';
import { ensurePrivacy } from '../services/privacy';

export interface Position {
  lat: number;
  lng: number;
  /** Metres, as the phone reports it. */
  accuracy: number;
}

export type LocationState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'ready'; position: Position }
  | { status: 'failed'; message: string };

/**
 * What went wrong with the phone's location, in words, with what to do: tap `retryLabel`, the
 * button the page shows next to the message (重新定位 on the activity pages).
 */
export function locationErrorMessage(raw: unknown, retryLabel = '重新定位'): string {
  // 拒绝 in the privacy popup: say why nothing can be located, and the way without a location
  if (isPrivacyRefusal(raw)) return privacyRefusalMessage('location', retryLabel);
  const text = String((raw as { errMsg?: string; message?: string })?.errMsg ?? (raw as Error)?.message ?? raw ?? '');
  if (/auth|deny|denied|permission|拒绝/i.test(text))
    return `没有位置权限。请在手机设置里允许微信（或浏览器）获取位置，然后点“${retryLabel}”。`;
  if (/timeout|超时/i.test(text)) return `定位超时。请到室外或窗边，打开手机的定位开关后点“${retryLabel}”。`;
  return `没能获取到您的位置。请打开手机的定位开关后点“${retryLabel}”。`;
}

/**
 * One reading of the phone's position in GCJ-02, the datum of every stored point (see shared/geo):
 * WeChat gives GCJ-02 itself; a browser gives WGS-84 (Taro's H5 getLocation takes no other type),
 * which is converted here — the two are ≈ 540 m apart in Ma'anshan, more than a check-in radius.
 * The privacy popup comes first (services/privacy): `explicit: false` for a read the person did not tap for.
 */
export async function readPosition({ explicit = true }: { explicit?: boolean } = {}): Promise<Position> {
  await ensurePrivacy('location', { explicit });
  const weapp = process.env.TARO_ENV === 'weapp';
  const res = await Taro.getLocation({
    type: weapp ? 'gcj02' : 'wgs84',
    isHighAccuracy: true,
    highAccuracyExpireTime: 8000,
  });
  const reading = { lat: res.latitude, lng: res.longitude };
  const { lat, lng } = weapp ? reading : wgs84ToGcj02(reading);
  return { lat, lng, accuracy: Math.round(res.accuracy ?? 0) || 0 };
}

/**
 * The position for a page. Its first reading (as the page opens) is one the person did not tap for: after a 拒绝 in
 * the privacy popup it fails without asking again; later ones (重新定位) ask.
 */
export function useLocation() {
  const [state, setState] = useState<LocationState>({ status: 'idle' });
  const tried = useRef(false);
  const locate = useCallback(async (): Promise<Position | null> => {
    setState({ status: 'locating' });
    const explicit = tried.current;
    tried.current = true;
    try {
      const position = await readPosition({ explicit });
      setState({ status: 'ready', position });
      return position;
    } catch (caught) {
      setState({ status: 'failed', message: locationErrorMessage(caught) });
      return null;
    }
  }, []);
  return { state, locate, position: state.status === 'ready' ? state.position : null };
}
