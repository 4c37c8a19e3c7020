import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { withWholeDates } from '../../src/components/WholeDates';

describe('withWholeDates', () => {
  it('keeps each date and time of a sentence in one unbreakable piece and leaves the words as they are', () => {
    const { container } = render(<p>{withWholeDates('将于 2027-06-30 到期 · 2026-11-30 19:45 · 8:05 集合')}</p>);
    const pieces = Array.from(container.querySelectorAll('.jh-time'), (el) => el.textContent);
    expect(pieces).toEqual(['2027-06-30', '2026-11-30 19:45', '8:05']);
    expect(container.textContent).toBe('将于 2027-06-30 到期 · 2026-11-30 19:45 · 8:05 集合');
  });

  it('leaves a sentence without dates untouched', () => {
    const { container } = render(<p>{withWholeDates('长期有效')}</p>);
    expect(container.querySelectorAll('.jh-time')).toHaveLength(0);
    expect(container.textContent).toBe('长期有效');
  });
});
