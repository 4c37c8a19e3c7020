import { cutChars, fitTemplateData } from './template-fields.js';

describe('template fields', () => {
  it('cuts by character, never inside an emoji, and leaves a short text alone', () => {
    const text = '🚨'.repeat(30);
    const cut = cutChars(text, 20);
    expect(Array.from(cut)).toHaveLength(20);
    expect(cut).toBe('🚨'.repeat(20));
    expect(Buffer.from(cut).toString()).toBe(cut);
    expect(cutChars('短', 20)).toBe('短');
  });

  it('fits each field of a subscribe template to its kind, whatever its number', () => {
    const fitted = fitTemplateData({
      thing1: '反光背心（大号）🦺'.repeat(4),
      phrase2: '已经领取完成',
      character_string3: 'X'.repeat(40),
      time4: '2026-11-30 10:00',
      amount5: '¥12.50',
    });
    expect(Array.from(fitted.thing1)).toHaveLength(20);
    expect(Buffer.from(fitted.thing1).toString()).toBe(fitted.thing1);
    expect(fitted.phrase2).toBe('已经领取完');
    expect(fitted.character_string3).toHaveLength(32);
    expect(fitted.time4).toBe('2026-11-30 10:00');
    expect(fitted.amount5).toBe('¥12.50');
  });
});
