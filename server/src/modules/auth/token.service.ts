import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import type { TokenPair } from '@jianghuai/shared';
import { jwtConfig, type JwtConfig } from '../../config/jwt.config.js';
import { AppException } from '../../common/errors/app-exception.js';
import type { AccessTokenPayload } from '../../common/auth/access-token-verifier.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Clock } from '../../common/clock/clock.js';

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Access tokens are short-lived JWTs; refresh tokens are random strings stored hashed. Rotation
 * is a conditional UPDATE, so two instances racing on one token cannot both rotate it.
 */
@Injectable()
export class TokenService {
  constructor(
    @Inject(jwtConfig.KEY) private readonly jwtConfig: JwtConfig,
    private readonly jwt: JwtService,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly clock: Clock,
  ) {}

  /** Starts a new token family (a login). */
  issue(userId: number): Promise<TokenPair> {
    return this.issueInFamily(userId, randomUUID());
  }

  /** Exchanges a refresh token for a new pair; a reused (already rotated) token revokes its whole family. */
  async rotate(refreshToken: string): Promise<{ userId: number; pair: TokenPair }> {
    const tokenHash = sha256(refreshToken);
    const now = this.clock.now();
    const res = await this.tokens.update(
      { tokenHash, rotatedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      { rotatedAt: now },
    );
    const row = await this.tokens.findOneBy({ tokenHash });
    if (res.affected === 1 && row) {
      return { userId: row.userId, pair: await this.issueInFamily(row.userId, row.familyId) };
    }
    if (row?.rotatedAt) {
      await this.revokeFamily(row.familyId);
      throw new AppException('REFRESH_TOKEN_REUSED');
    }
    // the login was ended (logout, a reused token, a password reset, a disabled account): say so, as the guard does
    if (row?.revokedAt) throw new AppException('SESSION_ENDED');
    throw new AppException('REFRESH_TOKEN_INVALID');
  }

  /** Logout: revokes the family of the given refresh token if it belongs to the user. */
  async revokeByToken(userId: number, refreshToken: string): Promise<void> {
    const row = await this.tokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!row || row.userId !== userId) throw new AppException('REFRESH_TOKEN_INVALID');
    await this.revokeFamily(row.familyId);
  }

  async revokeAllForUser(userId: number): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  private async issueInFamily(userId: number, familyId: string): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.tokens.insert({
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(now.getTime() + this.jwtConfig.refreshTtlDays * 86400_000),
      rotatedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    // iat from the Clock: jsonwebtoken would take Date.now(), and `exp` follows `iat`.
    const payload: AccessTokenPayload & { iat: number } = {
      sub: userId,
      typ: 'access',
      sid: familyId,
      iat: Math.floor(this.clock.nowMs() / 1000),
    };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.jwtConfig.accessTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.jwtConfig.accessTtlSeconds };
  }
}
