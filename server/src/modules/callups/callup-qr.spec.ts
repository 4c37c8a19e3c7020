import { CallupQr } from './callup-qr.js';

describe(CallupQr.name, () => {
  const sut = new CallupQr(Buffer.alloc(32, 3), 30);
  const t0 = new Date('2026-12-05T10:00:05Z');
  const later = (s: number) => new Date(t0.getTime() + s * 1000);

  it('accepts a code in its own slot and the next one, then refuses it as expired', () => {
    const { token } = sut.mint(7, t0);
    expect(sut.verify(token, 7, t0)).toBe('ok');
    expect(sut.verify(token, 7, later(30))).toBe('ok');
    expect(sut.verify(token, 7, later(60))).toBe('expired');
    expect(sut.verify(token, 7, later(-30))).toBe('expired');
  });

  it('refuses the code of another call-up, a forged one and an activity check-in code', () => {
    const { token } = sut.mint(7, t0);
    expect(sut.verify(token, 8, t0)).toBe('wrong_callup');
    const [, slot, mac] = token.split('.');
    expect(sut.verify(`c8.${slot}.${mac}`, 8, t0)).toBe('invalid');
    expect(sut.verify(`7.${slot}.${mac}`, 7, t0)).toBe('invalid');
    expect(sut.verify('garbage', 7, t0)).toBe('invalid');
    expect(new CallupQr(Buffer.alloc(32, 4), 30).verify(token, 7, t0)).toBe('invalid');
  });

  it('tells when to show the next code', () => {
    expect(sut.mint(7, t0).refreshAt.toISOString()).toBe('2026-12-05T10:00:30.000Z');
  });
});
