import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenVerifier } from './access-token-verifier.js';

const SECRET = 'unit-test-secret-0123456789abcdef';
const issuer = new JwtService({
  secret: createSecretKey(Buffer.from(SECRET)) as unknown as Buffer,
  signOptions: { algorithm: 'HS256' },
});
const verifier = new AccessTokenVerifier(SECRET);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('AccessTokenVerifier', () => {
  it('accepts the tokens the server issues and returns their subject and login (sid)', () => {
    const token = issuer.sign({ sub: 42, typ: 'access', sid: 'family-1' }, { expiresIn: 900 });
    expect(verifier.verify(token)).toEqual({ ok: true, payload: { sub: 42, typ: 'access', sid: 'family-1' } });
  });

  it('refuses a token without a login id (sid), or with a sid that is not a non-empty string', () => {
    for (const extra of [{}, { sid: 7 }, { sid: '' }, { sid: null }, { sid: 'x'.repeat(65) }]) {
      const token = issuer.sign({ sub: 42, typ: 'access', ...extra }, { expiresIn: 900 });
      expect([extra, verifier.verify(token)]).toEqual([extra, { ok: false, code: 'UNAUTHENTICATED' }]);
    }
  });

  it('says TOKEN_EXPIRED from the second the token expires', () => {
    const token = issuer.sign({ sub: 42, typ: 'access', sid: 'f' }, { expiresIn: 900 });
    const exp = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
    expect(verifier.verify(token, exp * 1000 - 1).ok).toBe(true);
    expect(verifier.verify(token, exp * 1000)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a changed payload, another secret, a missing or "none" signature and other algorithms', () => {
    const token = issuer.sign({ sub: 42, typ: 'access', sid: 'f' }, { expiresIn: 900 });
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const refused = [
      `${h}.${b64({ ...claims, sub: 1 })}.${s}`,
      new JwtService({ secret: 'another-secret-0123456789abcdef' }).sign(
        { sub: 42, typ: 'access', sid: 'f' },
        { expiresIn: 900 },
      ),
      `${h}.${p}.`,
      `${h}.${p}`,
      `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
      `${b64({ alg: 'HS512', typ: 'JWT' })}.${p}.${s}`,
      new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS512' } }).sign(
        { sub: 42, typ: 'access', sid: 'f' },
        { expiresIn: 900 },
      ),
      `${token}.x`,
      `${h}.${p}.${s.slice(0, -2)}`,
      '',
      'not-a-token',
    ];
    for (const t of refused) expect([t, verifier.verify(t)]).toEqual([t, { ok: false, code: 'UNAUTHENTICATED' }]);
  });

  it('refuses tokens without an expiry, not yet valid, of another type or without a numeric subject', () => {
    const sign = (claims: Record<string, unknown>) => issuer.sign(claims);
    const now = Math.floor(Date.now() / 1000);
    for (const claims of [
      { sub: 42, typ: 'access', sid: 'f' },
      { sub: 42, typ: 'access', sid: 'f', exp: now + 900, nbf: now + 60 },
      { sub: 42, typ: 'refresh', sid: 'f', exp: now + 900 },
      { sub: '42', typ: 'access', sid: 'f', exp: now + 900 },
      { typ: 'access', sid: 'f', exp: now + 900 },
    ]) {
      expect([claims, verifier.verify(sign(claims))]).toEqual([claims, { ok: false, code: 'UNAUTHENTICATED' }]);
    }
  });
});
