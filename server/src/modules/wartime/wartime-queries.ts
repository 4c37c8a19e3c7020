import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { WartimeState } from './wartime-state.entity.js';

/** What other modules learn of a war-time state (docs/callups.md#war-time). */
export interface WartimeStateRecord {
  id: number;
  areaId: number;
  areaName: string;
  areaPath: string;
  /** the declaring unit, which leads dispatch in the area */
  leadUnitId: number;
  leadUnitName: string;
  leadUnitPath: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
}

/** `/1/4/12/` → `['/1/', '/1/4/', '/1/4/12/']`: the unit and every unit above it. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export function toWartimeRecord(s: WartimeState): WartimeStateRecord {
  return {
    id: s.id,
    areaId: s.areaId,
    areaName: s.areaName,
    areaPath: s.areaPath,
    leadUnitId: s.leadUnitId,
    leadUnitName: s.leadUnitName,
    leadUnitPath: s.leadUnitPath,
    reason: s.reason,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  };
}

/**
 * Which war-time states are active over a unit at an instant: declared for the unit or a unit above it, started,
 * not past their end and not ended early. Used by activities and call-ups to default the mode and unify dispatch.
 */
@Injectable()
export class WartimeQueries {
  constructor(@InjectRepository(WartimeState) private readonly states: Repository<WartimeState>) {}

  /** A state by id, whatever its period (a call-up's detail names the state it was sent under). */
  async byId(id: number): Promise<WartimeStateRecord | null> {
    const s = await this.states.findOneBy({ id });
    return s ? toWartimeRecord(s) : null;
  }

  /** The active state covering the unit at `orgPath` (the most local one when several do), or null. */
  async activeFor(orgPath: string, at: Date, manager?: EntityManager): Promise<WartimeStateRecord | null> {
    const found = await this.activeForPaths([orgPath], at, manager);
    return found.sort((a, b) => b.areaPath.length - a.areaPath.length || a.id - b.id)[0] ?? null;
  }

  /** Every active state covering any of the units at `paths` (each once), most local first. */
  async activeForPaths(paths: string[], at: Date, manager?: EntityManager): Promise<WartimeStateRecord[]> {
    const covering = [...new Set(paths.filter(Boolean).flatMap(ancestorPaths))];
    if (covering.length === 0) return [];
    const repo = manager ? manager.getRepository(WartimeState) : this.states;
    const rows = await repo
      .createQueryBuilder('w')
      .where('w.areaPath IN (:...covering)', { covering })
      .andWhere('w.startsAt <= :at AND w.endsAt > :at', { at })
      .andWhere({ endedAt: IsNull() })
      .getMany();
    return rows.map(toWartimeRecord).sort((a, b) => b.areaPath.length - a.areaPath.length || a.id - b.id);
  }
}
