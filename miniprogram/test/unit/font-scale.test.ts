import { describe, expect, it } from 'vitest';
import { BASE_FONT_PX, fontScaleFrom, MAX_SCALE, readFontScale, scaledPx } from '../../src/logic/font-scale';

describe('font scaling (docs/product.md#older-users)', () => {
  it('main text is at least 18 px before any scaling', () => {
    expect(BASE_FONT_PX).toBeGreaterThanOrEqual(18);
  });

  it('follows a larger WeChat font size', () => {
    expect(fontScaleFrom(1.25)).toBe(1.25);
    expect(scaledPx(BASE_FONT_PX, fontScaleFrom(1.25))).toBe(23);
  });

  it('never goes below the base size, even if WeChat is set to small text', () => {
    expect(fontScaleFrom(0.85)).toBe(1);
    expect(scaledPx(BASE_FONT_PX, fontScaleFrom(0.85))).toBe(18);
  });

  it('caps very large factors so two tiles still fit a row', () => {
    expect(fontScaleFrom(3)).toBe(MAX_SCALE);
  });

  it('treats missing or nonsense values as 1', () => {
    for (const value of [undefined, null, 'big', NaN, Infinity, 0, -1]) expect(fontScaleFrom(value)).toBe(1);
  });

  it('reads fontSizeScaleFactor from getAppBaseInfo when the platform has it', () => {
    expect(readFontScale(() => ({ fontSizeScaleFactor: 1.4 }))).toBe(1.4);
    expect(readFontScale(() => ({ theme: 'light' }))).toBe(1); // H5: no factor
    expect(readFontScale(undefined)).toBe(1); // old WeChat without the API
    expect(
      readFontScale(() => {
        throw new Error('getAppBaseInfo:fail');
      }),
    ).toBe(1);
  });
});
