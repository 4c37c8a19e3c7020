import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { authConfig, type AuthConfig } from '../../config/auth.config.js';
import { Clock } from '../clock/clock.js';
import { typeormExec, type SqlExec } from '../../database/raw-sql.js';
import { AppException } from '../errors/app-exception.js';
import { LoginBrake } from './login-brake.entity.js';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
/** The per-account brake counts the addresses that failed on an account within this window. */
const ACCOUNT_WINDOW_MS = 15 * MINUTE_MS;
/** The per-account brake never makes anyone wait longer than this between attempts. */
const ACCOUNT_MAX_DELAY_MS = MINUTE_MS;
/** An address where the account logged in successfully this recently is exempt from the per-account brake. */
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE_MS;

/** Compare-and-set rounds before a parallel attempt gives up (429). */
const CLAIM_ROUNDS = 8;

type BrakeKey = { route: string; account: string; address: string };

export interface BrakeAttempt {
  route: string;
  username: string;
  address: string;
}

/** Waiting time after the n-th consecutive failure: none for the first `free - 1`, then 1 s, 2 s, 4 s … up to `capMs`. */
export function backoffMs(failures: number, free: number, capMs: number): number {
  if (failures < free) return 0;
  return Math.min(capMs, SECOND_MS * 2 ** Math.min(30, failures - free));
}

/**
 * Brakes password guessing without handing anyone a way to lock a real user out:
 *
 * - per (account, address): after `PASSWORD_MAX_FAILURES` failures in a row the address waits
 *   1 s, 2 s, 4 s … (capped at `PASSWORD_LOCK_MINUTES`) before it may try that account again;
 * - per account, softer: when `LOGIN_ACCOUNT_BRAKE_ADDRESSES` different addresses failed on it
 *   within a quarter of an hour, addresses it never logged in from wait a little (≤ 1 minute)
 *   between attempts. One address cannot set this off alone, and the owner's usual address is exempt.
 *
 * Unknown user names are braked exactly like real ones, and the answer is the same 429, so the
 * brake tells nobody which accounts exist. An attempt is counted as a failure *before* the password
 * is checked (a compare-and-set on the row), so a burst of parallel guesses cannot slip past it;
 * `succeeded()` then clears it. All counts are in the database: every instance brakes on them.
 */
@Injectable()
export class LoginBrakeService {
  private readonly exec: SqlExec;

  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.exec = typeormExec(dataSource.manager);
  }

  /** Claims one attempt or throws 429 RATE_LIMITED (with `retryAfterSeconds`). */
  async claim(attempt: BrakeAttempt): Promise<void> {
    const key = this.key(attempt);
    // Parallel attempts for one account from one address take turns through the compare-and-set.
    for (let round = 0; round < CLAIM_ROUNDS; round++) {
      if (await this.tryClaim(key)) {
        if (Math.random() < 0.01) void this.prune(this.clock.nowMs()).catch(() => undefined);
        return;
      }
    }
    throw tooSoon(SECOND_MS);
  }

  /** One compare-and-set round: true when this attempt is counted, false when another one got there first. */
  private async tryClaim(key: BrakeKey): Promise<boolean> {
    const { maxPasswordFailures: free, lockMinutes, accountBrakeAddresses } = this.config;
    const capMs = lockMinutes * MINUTE_MS;
    let row = await this.read(key);
    // The time is read after the row: a parallel attempt that was counted first wrote its own time as nextAllowedAt
    // (no wait yet), and an earlier reading here would take that for a wait and refuse (429) a legitimate attempt.
    const now = this.clock.nowMs();
    if (row && row.nextAllowedAt > now) throw tooSoon(row.nextAllowedAt - now);

    if (!row || row.lastSuccessAt < now - KNOWN_ADDRESS_MS) {
      const [agg] = (
        await this.exec(
          'SELECT COUNT(*) AS n, MAX(lastFailureAt) AS last FROM login_brakes WHERE route = ? AND account = ? AND lastFailureAt > ?',
          [key.route, key.account, now - ACCOUNT_WINDOW_MS],
        )
      ).rows;
      const addresses = Number(agg?.n ?? 0);
      if (addresses >= accountBrakeAddresses) {
        const waitUntil =
          Number(agg?.last ?? 0) +
          Math.min(ACCOUNT_MAX_DELAY_MS, SECOND_MS * 2 ** Math.min(30, addresses - accountBrakeAddresses));
        if (waitUntil > now) throw tooSoon(waitUntil - now);
      }
    }

    if (!row) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(LoginBrake)
        .values({ ...key, failures: 0, lastFailureAt: '0', nextAllowedAt: '0', lastSuccessAt: '0' })
        .orIgnore()
        .execute();
      row = await this.read(key);
      if (!row) return false;
    }
    // A quiet spell as long as the cap forgives earlier failures.
    const previous = row.lastFailureAt < now - capMs ? 0 : row.failures;
    const failures = previous + 1;
    const res = await this.exec(
      'UPDATE login_brakes SET failures = ?, lastFailureAt = ?, nextAllowedAt = ? WHERE route = ? AND account = ? AND address = ? AND failures = ? AND nextAllowedAt = ? AND lastFailureAt = ?',
      [
        failures,
        now,
        now + backoffMs(failures, free, capMs),
        key.route,
        key.account,
        key.address,
        row.failures,
        row.nextAllowedAt,
        row.lastFailureAt,
      ],
    );
    return res.affected === 1;
  }

  /** The password was right: this address starts afresh and becomes a known address of the account. */
  async succeeded(attempt: BrakeAttempt): Promise<void> {
    const key = this.key(attempt);
    await this.exec(
      'UPDATE login_brakes SET failures = 0, lastFailureAt = 0, nextAllowedAt = 0, lastSuccessAt = ? WHERE route = ? AND account = ? AND address = ?',
      [this.clock.nowMs(), key.route, key.account, key.address],
    );
  }

  private key(attempt: BrakeAttempt): BrakeKey {
    const account = createHash('sha256').update(attempt.username.trim().toLowerCase()).digest('hex');
    return { route: attempt.route.slice(0, 32), account, address: (attempt.address || 'unknown').slice(0, 64) };
  }

  private async read(key: BrakeKey) {
    const [r] = (
      await this.exec(
        'SELECT failures, lastFailureAt, nextAllowedAt, lastSuccessAt FROM login_brakes WHERE route = ? AND account = ? AND address = ?',
        [key.route, key.account, key.address],
      )
    ).rows;
    if (!r) return null;
    return {
      failures: Number(r.failures),
      lastFailureAt: Number(r.lastFailureAt),
      nextAllowedAt: Number(r.nextAllowedAt),
      lastSuccessAt: Number(r.lastSuccessAt),
    };
  }

  private async prune(now: number): Promise<void> {
    await this.exec('DELETE FROM login_brakes WHERE lastFailureAt < ? AND nextAllowedAt < ? AND lastSuccessAt < ?', [
      now - this.config.lockMinutes * MINUTE_MS - ACCOUNT_WINDOW_MS,
      now,
      now - KNOWN_ADDRESS_MS,
    ]);
  }
}

function tooSoon(ms: number): AppException {
  const retryAfterSeconds = Math.max(1, Math.ceil(ms / SECOND_MS));
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} 秒` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
  return new AppException('RATE_LIMITED', { retryAfterSeconds }, `登录尝试太频繁，请 ${wait}后再试`);
}
