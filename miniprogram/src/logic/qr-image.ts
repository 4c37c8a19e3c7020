import qrcode from 'qrcode-generator';

/**
 * The rotating check-in token as a QR picture (a GIF data URL: Taro's <Image> shows it in WeChat
 * and in H5 alike). Error correction M survives a scratched or glaring phone screen; the 4-module
 * quiet zone is what scanners expect.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(cellSize, 4);
}

/** Modules per side, for sizing the picture so every module stays at least `minCellPx` wide. */
export function qrModuleCount(text: string): number {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.getModuleCount();
}
