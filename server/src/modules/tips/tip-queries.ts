import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TipCategory } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Tip } from './entities/tip.entity.js';
import { businessDaySql } from '../../database/business-day-sql.js';
import { isTipVisible, whereTipVisible } from './tip-scope.js';

/** What another module may know of a tip (a 矛盾纠纷 tip turned into a dispute case): never the submitter. */
export interface TipFacts {
  id: number;
  category: TipCategory;
  text: string;
  occurredAt: Date;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** The responsible station. */
  stationId: number;
  stationPath: string;
}

/** Reads of the tips table for other modules; a tip the actor may not see is null, as if it did not exist. */
@Injectable()
export class TipQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async visibleTip(actor: Actor, id: number): Promise<TipFacts | null> {
    const tip = await whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor)
      .andWhere('t.id = :id', { id })
      .getOne();
    if (!tip || !isTipVisible(actor, tip)) return null;
    return {
      id: tip.id,
      category: tip.category,
      text: tip.text,
      occurredAt: tip.occurredAt,
      address: tip.address,
      lat: tip.lat,
      lng: tip.lng,
      stationId: tip.orgUnitId,
      stationPath: tip.orgPath,
    };
  }

  // ── summary reads for the dashboard's statistics (grouped in SQL, never row by row) ──

  /** Tips per responsible unit, status and urgency. */
  async countsByUnit(): Promise<{ orgUnitId: number; status: string; urgency: string; count: number }[]> {
    const rows: Record<string, string | number>[] = await this.ds
      .getRepository(Tip)
      .createQueryBuilder('t')
      .select('t.orgUnitId', 'orgUnitId')
      .addSelect('t.status', 'status')
      .addSelect('t.urgency', 'urgency')
      .addSelect('COUNT(*)', 'count')
      .groupBy('t.orgUnitId')
      .addGroupBy('t.status')
      .addGroupBy('t.urgency')
      .getRawMany();
    return rows.map((r) => ({
      orgUnitId: Number(r.orgUnitId),
      status: String(r.status),
      urgency: String(r.urgency),
      count: Number(r.count),
    }));
  }

  /** Tips received per responsible unit and business day. */
  async receivedByUnitDay(): Promise<{ orgUnitId: number; day: string; count: number }[]> {
    const day = businessDaySql(this.ds, 't.createdAt');
    const rows: Record<string, string | number>[] = await this.ds
      .getRepository(Tip)
      .createQueryBuilder('t')
      .select('t.orgUnitId', 'orgUnitId')
      .addSelect(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .groupBy('t.orgUnitId')
      .addGroupBy(day)
      .getRawMany();
    return rows.map((r) => ({ orgUnitId: Number(r.orgUnitId), day: String(r.day), count: Number(r.count) }));
  }
}
