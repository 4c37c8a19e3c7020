import { describe, expect, it } from 'vitest';
import { qrDataUrl, qrModuleCount } from '../../src/logic/qr-image';

describe('qrDataUrl', () => {
  it('renders a token as a GIF data URL', () => {
    const url = qrDataUrl('1.1795915931.abcdef0123456789');
    expect(url.startsWith('data:image/gif;base64,')).toBe(true);
    expect(atob(url.split(',')[1]).slice(0, 6)).toBe('GIF87a');
  });

  it('gives a different picture for a different token', () => {
    expect(qrDataUrl('token-a-000000000000')).not.toBe(qrDataUrl('token-b-000000000000'));
  });

  it('grows the symbol with the data (version 1 is 21 modules per side)', () => {
    expect(qrModuleCount('a')).toBe(21);
    expect(qrModuleCount('x'.repeat(80))).toBeGreaterThan(21);
  });
});
