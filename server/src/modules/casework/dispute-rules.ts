import type { EntityManager } from 'typeorm';
import type { DisputeStatus } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';
import { DisputeCase } from './entities/dispute-case.entity.js';
import { DisputeStep } from './entities/dispute-step.entity.js';

/** A step's day must be a real calendar date and not after today (Shanghai). */
export function assertStepDate(date: string, today: string): void {
  const [y, m, d] = date.split('-').map(Number);
  const daysInMonth = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (d < 1 || d > daysInMonth) throw new AppException('VALIDATION_FAILED', { field: 'date' });
  if (date > today) throw new AppException('DISPUTE_STEP_IN_FUTURE');
}

/**
 * The case moves on only from the status and version read: two people acting at once — one wins, the other is
 * told DISPUTE_STATE_CHANGED.
 */
export async function updateCase(
  m: EntityManager,
  row: DisputeCase,
  from: readonly DisputeStatus[],
  set: Partial<DisputeCase>,
  now: Date,
): Promise<void> {
  if (!from.includes(row.status)) throw new AppException('DISPUTE_STATE_CHANGED');
  const res = await m
    .createQueryBuilder()
    .update(DisputeCase)
    .set({ ...set, updatedAt: now, version: () => 'version + 1' })
    .where('id = :id AND status = :status AND version = :version', {
      id: row.id,
      status: row.status,
      version: row.version,
    })
    .execute();
  if (!res.affected) throw new AppException('DISPUTE_STATE_CHANGED');
}

/** A step is added while the case is open (no version check: two steps at once both belong to the record). */
export async function touchOpenCase(m: EntityManager, row: DisputeCase, now: Date): Promise<void> {
  const res = await m
    .createQueryBuilder()
    .update(DisputeCase)
    .set({ updatedAt: now })
    .where("id = :id AND status IN ('open', 'proposed')", { id: row.id })
    .execute();
  if (!res.affected) throw new AppException('DISPUTE_STATE_CHANGED');
}

export function insertStep(
  m: EntityManager,
  step: { caseId: number; date: string; text: string; authorUserId: number; authorName: string; byMediator: boolean },
  now: Date,
): Promise<unknown> {
  return m.getRepository(DisputeStep).insert({
    caseId: step.caseId,
    stepDate: step.date,
    text: step.text.trim(),
    authorUserId: step.authorUserId,
    authorName: step.authorName,
    byMediator: step.byMediator,
    createdAt: now,
  });
}
