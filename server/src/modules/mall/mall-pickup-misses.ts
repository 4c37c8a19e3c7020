import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';

/** Wrong pickup codes one member of staff may enter in the window before lookups pause. */
export const PICKUP_MISS_LIMIT = 10;
export const PICKUP_MISS_WINDOW_MS = 10 * 60_000;

/**
 * Brakes guessing of pickup codes: after PICKUP_MISS_LIMIT unknown (or out-of-reach) codes within 10 minutes, a
 * member of staff gets `MALL_PICKUP_TOO_MANY` until the oldest miss leaves the window. Counted in this process
 * (a guess has 1 in 10⁷ odds per try, so the brake is about noise and abuse, not a shared budget).
 */
@Injectable()
export class MallPickupMisses {
  private readonly misses = new Map<number, number[]>();

  constructor(private readonly clock: Clock) {}

  /** Throws while the user is braked. */
  check(userId: number): void {
    if (this.recent(userId).length >= PICKUP_MISS_LIMIT) throw new AppException('MALL_PICKUP_TOO_MANY');
  }

  record(userId: number): void {
    const list = this.recent(userId);
    list.push(this.clock.nowMs());
    this.misses.set(userId, list);
    if (this.misses.size > 10_000) this.misses.clear(); // never grows without bound
  }

  private recent(userId: number): number[] {
    const since = this.clock.nowMs() - PICKUP_MISS_WINDOW_MS;
    return (this.misses.get(userId) ?? []).filter((t) => t > since);
  }
}
