import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  TARGETS,
  TARGET_KEYS,
  TARGET_MAX_COUNT,
  type TargetHistoryEntry,
  type TargetKey,
  type TargetResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { AuditService } from '../audit/audit.service.js';
import { TargetQueries } from './target-queries.js';
import { Target } from './target.entity.js';
import type { SetTargetDto } from './targets.dto.js';

/** Whether a value fits its target: a whole count up to the maximum, or a percentage 0–100 with one decimal. */
export function validTargetValue(key: TargetKey, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  if (TARGETS[key].unit === 'count') return Number.isInteger(value) && value <= TARGET_MAX_COUNT;
  return value <= 100 && Math.abs(Math.round(value * 10) - value * 10) < 1e-9;
}

/** The city's targets (docs/reports.md#targets): read by every dashboard reader, set by the city, each change kept. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly queries: TargetQueries,
  ) {}

  current(): Promise<TargetResponse[]> {
    return this.queries.current();
  }

  async history(key: string): Promise<TargetHistoryEntry[]> {
    return this.queries.history(knownKey(key));
  }

  /** Appends the new value (the old rows stay as history) and audits it in the same transaction. */
  async set(actor: Actor, dto: SetTargetDto): Promise<TargetResponse> {
    if (!validTargetValue(dto.key, dto.value)) throw new AppException('TARGET_VALUE_INVALID');
    const before = await this.queries.currentOf(dto.key);
    await this.ds.transaction(async (m) => {
      const repo = m.getRepository(Target);
      const row = await repo.save(
        repo.create({
          key: dto.key,
          value: dto.value,
          dueDate: dto.dueDate,
          setByUserId: actor.userId,
          setByName: actor.displayName,
          setAt: this.clock.now(),
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'target.set',
        targetType: 'target',
        targetId: `${dto.key}#${row.id}`,
        before: { value: before.value, dueDate: before.dueDate, isDefault: before.isDefault },
        after: { value: dto.value, dueDate: dto.dueDate, note: dto.note ?? null },
      });
    });
    return this.queries.currentOf(dto.key);
  }
}

function knownKey(key: string): TargetKey {
  if (!(TARGET_KEYS as readonly string[]).includes(key)) throw new AppException('TARGET_KEY_UNKNOWN');
  return key as TargetKey;
}
