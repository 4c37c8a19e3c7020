import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AppException } from '../errors/app-exception.js';

/**
 * Fixed-window limit per client IP and route for the login endpoints. Kept in process memory:
 * it is a brake on guessing, not a correctness rule (the account lockout, which is, lives in the
 * database). Behind several instances each instance brakes on its own.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const key = `${req.ip}|${req.url.split('?')[0]}`;
    const now = Date.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    if (w.count > this.config.auth.loginRateLimitPerMinute) {
      throw new AppException('RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS, { retryAfterSeconds: Math.ceil((w.start + 60_000 - now) / 1000) });
    }
    return true;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }
}
