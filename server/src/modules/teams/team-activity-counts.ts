import { Injectable } from '@nestjs/common';

/** Counts settled activities per team whose end lies at or after `since`; teams absent from the map have none. */
export type SettledActivityCounter = (teamIds: readonly number[], since: Date) => Promise<Map<number, number>>;

/**
 * Whether a team is active depends on its settled activities, which the activities module owns; that
 * module builds on this one (an activity may be limited to a team), so it registers the counter over
 * its own table when the application starts.
 */
@Injectable()
export class TeamActivityCounts {
  private counter: SettledActivityCounter = () => Promise.resolve(new Map());

  register(counter: SettledActivityCounter): void {
    this.counter = counter;
  }

  settledSince(teamIds: readonly number[], since: Date): Promise<Map<number, number>> {
    if (teamIds.length === 0) return Promise.resolve(new Map());
    return this.counter(teamIds, since);
  }
}
