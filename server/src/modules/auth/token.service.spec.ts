import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../../common/auth/access-token-verifier.js';
import { readArea } from '../../config/config-area.js';
import { jwtConfig } from '../../config/jwt.config.js';
import { RefreshToken } from './refresh-token.entity.js';
import { TokenService } from './token.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';

const SECRET = 'unit-test-secret-0123456789abcdef';
const jwt = readArea(jwtConfig.read, { JWT_SECRET: SECRET, JWT_ACCESS_TTL_SECONDS: '900', REFRESH_TTL_DAYS: '30' });
const signer = new JwtService({
  secret: createSecretKey(Buffer.from(SECRET)) as unknown as Buffer,
  signOptions: { algorithm: 'HS256' },
});
const NOW = '2026-11-30T16:30:00Z';

describe('TokenService', () => {
  let ds: DataSource;
  const at = (iso: string) => new TokenService(jwt, signer, ds.getRepository(RefreshToken), clockAt(iso));
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code: string }) => e.code,
    );

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  afterAll(() => ds.destroy());

  it("signs the access token at the clock's time, naming the user and the login (sid)", async () => {
    const clock = clockAt(NOW);
    const pair = await at(NOW).issue(7);
    const verified = new AccessTokenVerifier(SECRET, clock).verify(pair.accessToken);
    expect(verified).toEqual({ ok: true, payload: { sub: 7, typ: 'access', sid: expect.any(String) } });
    const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.iat).toBeGreaterThanOrEqual(Date.parse(NOW) / 1000);
    expect(claims.iat).toBeLessThan(Date.parse(NOW) / 1000 + 60);
    expect([claims.exp - claims.iat, pair.expiresIn]).toEqual([900, 900]);
    const row = await ds
      .getRepository(RefreshToken)
      .findOneByOrFail({ familyId: verified.ok ? verified.payload.sid : '' });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 86_400_000);
  });

  it('rotates a refresh token once, in the same login; presenting it again ends the whole login', async () => {
    const sut = at(NOW);
    const first = await sut.issue(8);
    const second = await sut.rotate(first.refreshToken);
    expect(second.userId).toBe(8);
    const rows = await ds.getRepository(RefreshToken).findBy({ userId: 8 });
    expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
    expect(await failure(sut.rotate(first.refreshToken))).toBe('REFRESH_TOKEN_REUSED');
    // the thief's reuse also ends the rightful holder's newer token
    expect(await failure(sut.rotate(second.pair.refreshToken))).toBe('SESSION_ENDED');
    expect((await ds.getRepository(RefreshToken).findBy({ userId: 8 })).every((r) => r.revokedAt)).toBe(true);
  });

  it('a refresh token expires after REFRESH_TTL_DAYS; an unknown one is invalid', async () => {
    const old = await at('2026-10-30T16:00:00Z').issue(9);
    expect(await failure(at('2026-11-29T15:59:00Z').rotate(old.refreshToken))).toBe('ok');
    const older = await at('2026-10-30T16:00:00Z').issue(9);
    expect(await failure(at('2026-11-29T16:00:01Z').rotate(older.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    expect(await failure(at(NOW).rotate('not-a-token'))).toBe('REFRESH_TOKEN_INVALID');
  });

  it("logout ends only the user's own login; revokeAllForUser ends every login of the user", async () => {
    const sut = at(NOW);
    const phone = await sut.issue(10);
    const desktop = await sut.issue(10);
    expect(await failure(sut.revokeByToken(11, phone.refreshToken))).toBe('REFRESH_TOKEN_INVALID');
    await sut.revokeByToken(10, phone.refreshToken);
    expect(await failure(sut.rotate(phone.refreshToken))).toBe('SESSION_ENDED');
    const next = await sut.rotate(desktop.refreshToken);
    await sut.revokeAllForUser(10);
    expect(await failure(sut.rotate(next.pair.refreshToken))).toBe('SESSION_ENDED');
  });
});
