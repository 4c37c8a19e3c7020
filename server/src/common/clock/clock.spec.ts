import { JwtService } from '@nestjs/jwt';
import { AccessTokenVerifier } from '../auth/access-token-verifier.js';
import { Clock } from './clock.js';

const EVENING = new Date('2026-11-30T15:30:00Z'); // 23:30 on the 30th in Shanghai
const NIGHT = new Date('2026-11-30T23:30:00Z'); // 07:30 on 1 December in Shanghai

describe(Clock.name, () => {
  it('starts at CLOCK_START and runs on in real time', () => {
    const sut = new Clock('Asia/Shanghai', NIGHT);
    const drift = sut.nowMs() - NIGHT.getTime();
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(1_000);
    expect(sut.now().getTime()).toBeGreaterThanOrEqual(NIGHT.getTime());
  });

  it('today is the Shanghai date: the 30th at 15:30 UTC, already the 1st at 23:30 UTC', () => {
    expect(new Clock('Asia/Shanghai', EVENING).today()).toBe('2026-11-30');
    expect(new Clock('Asia/Shanghai', NIGHT).today()).toBe('2026-12-01');
    expect(new Clock('Asia/Shanghai', NIGHT).today(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it("another configured zone gives that zone's date", () => {
    expect(new Clock('Europe/London', NIGHT).today()).toBe('2026-11-30');
    expect(new Clock('America/New_York', new Date('2026-12-01T03:00:00Z')).today()).toBe('2026-11-30');
  });

  it('without a start it reads the system time', () => {
    expect(Math.abs(new Clock().nowMs() - Date.now())).toBeLessThan(1_000);
  });

  it("access tokens issued at the clock's time are valid by it and expire by it, not by the system time", () => {
    const secret = 'unit-test-secret-0123456789abcdef';
    const sut = new Clock('Asia/Shanghai', NIGHT);
    const verifier = new AccessTokenVerifier(secret, sut);
    const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
    const iat = Math.floor(sut.nowMs() / 1000);
    expect(verifier.verify(jwt.sign({ sub: 7, typ: 'access', sid: 'f', iat }, { expiresIn: 900 })).ok).toBe(true);
    // minted an hour before the clock's now: expired by the clock (the system time may be hours earlier)
    const old = jwt.sign({ sub: 7, typ: 'access', sid: 'f', iat: iat - 3_600 }, { expiresIn: 900 });
    expect(verifier.verify(old)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });
});
