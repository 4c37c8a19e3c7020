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

/** Text sizes a person picks on the 我的 page where the platform has no font setting of its own (H5). */
export const TEXT_SIZES = [
  { key: 'standard', label: '标准', scale: 1 },
  { key: 'large', label: '大', scale: 1.15 },
  { key: 'xlarge', label: '特大', scale: 1.3 },
] as const;

export type TextSizeKey = (typeof TEXT_SIZES)[number]['key'];

/** The chosen size's scale; an unknown or missing choice is 标准. */
export function textSizeScale(key: unknown): number {
  return TEXT_SIZES.find((size) => size.key === key)?.scale ?? 1;
}
