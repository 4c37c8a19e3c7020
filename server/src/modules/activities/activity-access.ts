import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { Activity } from './entities/activity.entity.js';

/** Loads an activity inside the staff member's org subtree; anything else is NOT_FOUND (404). */
export async function findActivityInScope(manager: EntityManager, actor: Actor, id: number): Promise<Activity> {
  const qb = manager.getRepository(Activity).createQueryBuilder('a').where('a.id = :id', { id });
  const activity = await wherePathInScope(qb, actor, 'a.orgPath').getOne();
  if (!activity) throw AppException.notFound();
  return activity;
}

/**
 * Moves an activity along the clock: published → ongoing at the start, ongoing → finished at the
 * end. Conditional updates, so any number of callers (requests, the job, other instances) agree.
 */
export async function advanceByClock(manager: EntityManager, activity: Activity, now: Date): Promise<Activity> {
  const repo = manager.getRepository(Activity);
  if (activity.status === 'published' && activity.startAt <= now) {
    await repo.update({ id: activity.id, status: 'published' }, { status: 'ongoing', updatedAt: now });
    activity.status = 'ongoing';
  }
  if (activity.status === 'ongoing' && activity.endAt <= now) {
    await repo.update({ id: activity.id, status: 'ongoing' }, { status: 'finished', updatedAt: now });
    activity.status = 'finished';
  }
  return activity;
}
