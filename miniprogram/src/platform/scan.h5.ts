/** Scanning in the browser (H5 build): not available, the pages offer a typed code; the WeChat twin is scan.ts. */
export const CAN_SCAN = false;

export function scanQrText(): Promise<string | null> {
  return Promise.resolve(null);
}
