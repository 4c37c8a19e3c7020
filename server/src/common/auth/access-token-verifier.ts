import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AccessTokenPayload {
  sub: number;
  typ: 'access';
  /** The login (refresh-token family) the token belongs to: ending that login ends the token too. Required. */
  sid: string;
}

export type VerifyResult =
  { ok: true; payload: AccessTokenPayload } | { ok: false; code: 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' };

/** The one header our access tokens carry (jsonwebtoken, HS256): anything else is refused outright. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const INVALID: VerifyResult = { ok: false, code: 'UNAUTHENTICATED' };

/**
 * Verifies the server's own access tokens on every request: exactly our HS256 header, an HMAC
 * compared in constant time, then `exp`/`nbf`. Tokens are still issued by @nestjs/jwt; this
 * replaces only its general-purpose verify, which cost ≈ 0.1 ms of CPU per request on the
 * sign-up rush (docs/benchmarks.md).
 */
export class AccessTokenVerifier {
  private readonly secret: Buffer;

  constructor(
    secret: string,
    /** The server's Clock: tokens minted at its (possibly fixed) time expire by it too. */
    private readonly clock: { nowMs(): number } = { nowMs: () => Date.now() },
  ) {
    this.secret = Buffer.from(secret);
  }

  verify(token: string, nowMs = this.clock.nowMs()): VerifyResult {
    const dot1 = token.indexOf('.');
    const dot2 = token.indexOf('.', dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) return INVALID;
    if (token.slice(0, dot1) !== HEADER) return INVALID;
    const given = Buffer.from(token.slice(dot2 + 1), 'base64url');
    const expected = createHmac('sha256', this.secret).update(token.slice(0, dot2)).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return INVALID;
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(token.slice(dot1 + 1, dot2), 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
    } catch {
      return INVALID;
    }
    if (typeof claims !== 'object' || claims === null) return INVALID;
    const now = Math.floor(nowMs / 1000);
    if (typeof claims.nbf === 'number' && claims.nbf > now) return INVALID;
    if (typeof claims.exp !== 'number') return INVALID;
    if (claims.exp <= now) return { ok: false, code: 'TOKEN_EXPIRED' };
    if (claims.typ !== 'access' || !Number.isInteger(claims.sub)) return INVALID;
    // A token that names no login could never be ended by logout or reuse detection: refused.
    if (typeof claims.sid !== 'string' || claims.sid.length === 0 || claims.sid.length > 64) return INVALID;
    return { ok: true, payload: { sub: claims.sub as number, typ: 'access', sid: claims.sid } };
  }
}
