/**
 * Text follows the person's WeChat font size (docs/product.md#older-users). Our base size is already the
 * large-text size (main text 18 px); WeChat's `fontSizeScaleFactor` only makes it larger.
 */
export const BASE_FONT_PX = 18;
export const MIN_SCALE = 1;
/** Beyond this the tiles no longer fit two to a row on a 320 px-wide phone. */
export const MAX_SCALE = 1.6;

export function fontScaleFrom(factor: unknown): number {
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) return 1;
  const clamped = Math.min(MAX_SCALE, Math.max(MIN_SCALE, factor));
  return Math.round(clamped * 100) / 100;
}

export function scaledPx(px: number, scale: number): number {
  return Math.round(px * scale);
}

/** Reads the factor from `getAppBaseInfo` when the platform has it (WeChat); 1 elsewhere. */
export function readFontScale(getAppBaseInfo: (() => unknown) | undefined): number {
  if (typeof getAppBaseInfo !== 'function') return 1;
  try {
    const info = getAppBaseInfo() as { fontSizeScaleFactor?: unknown } | undefined;
    return fontScaleFrom(info?.fontSizeScaleFactor);
  } catch {
    return 1;
  }
}
