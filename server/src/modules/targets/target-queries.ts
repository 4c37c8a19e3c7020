import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TARGETS, TARGET_KEYS, type TargetHistoryEntry, type TargetKey, type TargetResponse } from '@jianghuai/shared';
import { Target } from './target.entity.js';

/** The targets in force, for the dashboard and the reports: the newest row per key, or the default. */
@Injectable()
export class TargetQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Every target, in the order of TARGET_KEYS: the newest value set per key, else the default (isDefault). */
  async current(): Promise<TargetResponse[]> {
    const newest = await this.ds
      .getRepository(Target)
      .createQueryBuilder('t')
      .where('t.id IN (SELECT MAX(t2.id) FROM targets t2 GROUP BY t2.key)')
      .getMany();
    return TARGET_KEYS.map((key) => toTargetResponse(key, newest.find((t) => t.key === key) ?? null));
  }

  /** One target in force. */
  async currentOf(key: TargetKey): Promise<TargetResponse> {
    const row = await this.ds.getRepository(Target).findOne({ where: { key }, order: { id: 'DESC' } });
    return toTargetResponse(key, row);
  }

  /** Every value the target has had, newest first (empty while only the default applies). */
  async history(key: TargetKey): Promise<TargetHistoryEntry[]> {
    const rows = await this.ds.getRepository(Target).find({ where: { key }, order: { id: 'DESC' } });
    return rows.map((t) => ({
      id: t.id,
      key: t.key,
      value: t.value,
      dueDate: t.dueDate,
      setByName: t.setByName,
      setAt: t.setAt.toISOString(),
      note: t.note,
    }));
  }
}

export function toTargetResponse(key: TargetKey, row: Target | null): TargetResponse {
  const def = TARGETS[key];
  return {
    key,
    label: def.label,
    unit: def.unit,
    unitLabel: def.unitLabel,
    value: row ? row.value : def.defaultValue,
    dueDate: row ? row.dueDate : def.defaultDueDate,
    isDefault: !row,
    setByName: row?.setByName ?? null,
    setAt: row ? row.setAt.toISOString() : null,
    note: row?.note ?? null,
  };
}
