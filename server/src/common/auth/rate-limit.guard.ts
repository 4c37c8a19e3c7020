import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { authConfig, type AuthConfig } from '../../config/auth.config.js';
import { typeormExec, type SqlExec } from '../../database/raw-sql.js';
import { AppException } from '../errors/app-exception.js';
import { Clock } from '../clock/clock.js';

const MINUTE_MS = 60_000;
/** Windows older than this are deleted, now and then, as logins arrive. */
const KEEP_MS = 60 * MINUTE_MS;

/**
 * A one-minute window per client address and login handler, from its first attempt, counted in the database so that
 * every server instance brakes on the same count (one attempt on each of three instances is three
 * attempts). One upsert and one read per login; the account lockout is a separate, per-account rule.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  private readonly exec: SqlExec;
  private readonly upsert: string;

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.exec = typeormExec(dataSource.manager);
    // A window a minute old or more starts again at this attempt; otherwise the count goes up by one.
    // (Both databases read the row's old values in every assignment: hits is decided before windowStart moves.)
    this.upsert =
      dataSource.options.type === 'better-sqlite3'
        ? `INSERT INTO login_rate_windows (rateKey, windowStart, hits) VALUES (?, ?, 1)
           ON CONFLICT(rateKey) DO UPDATE SET hits = CASE WHEN excluded.windowStart - windowStart >= ${MINUTE_MS} THEN 1 ELSE hits + 1 END,
             windowStart = CASE WHEN excluded.windowStart - windowStart >= ${MINUTE_MS} THEN excluded.windowStart ELSE windowStart END`
        : `INSERT INTO login_rate_windows (rateKey, windowStart, hits) VALUES (?, ?, 1)
           ON DUPLICATE KEY UPDATE hits = IF(VALUES(windowStart) - windowStart >= ${MINUTE_MS}, 1, hits + 1),
             windowStart = IF(VALUES(windowStart) - windowStart >= ${MINUTE_MS}, VALUES(windowStart), windowStart)`;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    // Keyed on the handler, not the URL: a trailing slash, a query string or any other spelling
    // that reaches the same handler shares its window.
    const key = `${req.ip}|${ctx.getClass().name}.${ctx.getHandler().name}`.slice(0, 100);
    const now = this.clock.nowMs();
    await this.exec(this.upsert, [key, now]);
    const [row] = (await this.exec('SELECT hits, windowStart FROM login_rate_windows WHERE rateKey = ?', [key])).rows;
    if (Math.random() < 0.01)
      void this.exec('DELETE FROM login_rate_windows WHERE windowStart < ?', [now - KEEP_MS]).catch(() => undefined);
    if (row && Number(row.hits) > this.config.loginRateLimitPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.windowStart) + MINUTE_MS - now) / 1000));
      throw new AppException('RATE_LIMITED', { retryAfterSeconds });
    }
    return true;
  }
}
