import Taro from '@tarojs/taro';

/**
 * Scanning a code with the camera, WeChat build. The H5 build takes scan.h5.ts (Taro picks `x.h5.ts` over `x.ts`):
 * a browser has no Taro.scanCode, so the pages offer a typed code there instead.
 */
export const CAN_SCAN = true;

/** The scanned text; null when the person backed out or nothing was read. */
export function scanQrText(): Promise<string | null> {
  return Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    .then((r) => r.result || null)
    .catch(() => null);
}
