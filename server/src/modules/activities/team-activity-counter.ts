import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { SettledActivityCounter } from '../teams/team-activity-counts.js';
import { Activity } from './entities/activity.entity.js';

/** Settled activities per team that ended at or after `since` (whether a team is active, docs/product.md#teams). */
export function settledActivityCounter(ds: DataSource): SettledActivityCounter {
  return async (teamIds, since) => {
    const rows = await ds.getRepository(Activity).find({
      where: { teamId: In([...teamIds]), status: 'settled', endAt: MoreThanOrEqual(since) },
      select: { id: true, teamId: true },
    });
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.teamId!, (counts.get(r.teamId!) ?? 0) + 1);
    return counts;
  };
}
