import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays } from '@jianghuai/shared';
import { dbDate } from '../../database/raw-sql.js';
import { unitIdsUnderSql } from '../org/org.mapper.js';
import { OrgService } from '../org/org.service.js';
import { Callup } from './entities/callup.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import { secondsBetween, speedOf, type SpeedFigures } from './callup-speed.js';

/** One unit's response speed over a period. */
export interface UnitSpeed extends SpeedFigures {
  unitPath: string;
  /** call-ups created in the period that asked at least one of the unit's volunteers */
  callups: number;
}

/**
 * Response speed per unit (docs/callups.md#the-live-board-and-response-speed), exported for the dashboard. A unit's
 * figures are its own volunteers' answers (recipients whose station lies under the unit's path) to the call-ups
 * created in the Shanghai dates `fromDate`–`toDate` (both included): median and 90th percentile (nearest rank) of the
 * seconds from sending to accepting and to arriving. Two statements whatever the number of units: the distinct
 * (station, call-up) pairs, and the accepted recipients' times.
 */
@Injectable()
export class CallupSpeedQueries {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly org: OrgService,
  ) {}

  /** One row per path given, in the same order; units nobody answered for get nulls. */
  async speedByUnit(unitPaths: string[], fromDate: string, toDate: string): Promise<UnitSpeed[]> {
    if (!unitPaths.length) return [];
    const stations = await this.stationPaths(unitPaths, fromDate, toDate);
    const pairs = stations.pairs;
    const times = await this.base(unitPaths, fromDate, toDate)
      .select('r.stationId', 'stationId')
      .addSelect('c.createdAt', 'createdAt')
      .addSelect('r.acceptedAt', 'acceptedAt')
      .addSelect('r.arrivedAt', 'arrivedAt')
      .andWhere('r.acceptedAt IS NOT NULL')
      .getRawMany<{ stationId: number; createdAt: unknown; acceptedAt: unknown; arrivedAt: unknown }>();
    return unitPaths.map((unitPath) => {
      const inUnit = (stationId: number) => (stations.pathOf.get(Number(stationId)) ?? '').startsWith(unitPath);
      const mine = times.filter((t) => inUnit(t.stationId));
      const accept = mine.map((t) => secondsBetween(dbDate(t.createdAt), dbDate(t.acceptedAt)));
      const arrive = mine
        .filter((t) => t.arrivedAt !== null)
        .map((t) => secondsBetween(dbDate(t.createdAt), dbDate(t.arrivedAt)));
      const callups = new Set(pairs.filter((p) => inUnit(p.stationId)).map((p) => Number(p.callupId))).size;
      return { unitPath, callups, ...speedOf(accept, arrive) };
    });
  }

  /** The stations that had recipients in the period, with their paths, and the (station, call-up) pairs. */
  private async stationPaths(unitPaths: string[], fromDate: string, toDate: string) {
    const pairs = await this.base(unitPaths, fromDate, toDate)
      .select('r.stationId', 'stationId')
      .addSelect('r.callupId', 'callupId')
      .groupBy('r.stationId')
      .addGroupBy('r.callupId')
      .getRawMany<{ stationId: number; callupId: number }>();
    const ids = [...new Set(pairs.map((p) => Number(p.stationId)))];
    const units = await this.org.findByIds(ids);
    return { pairs, pathOf: new Map(units.map((u) => [u.id, u.path])) };
  }

  /** Recipients at a station under one of the paths, of call-ups created in the period. */
  private base(unitPaths: string[], fromDate: string, toDate: string) {
    const qb = this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .innerJoin(Callup, 'c', 'c.id = r.callupId')
      .where('c.createdAt >= :from AND c.createdAt < :to', {
        from: new Date(`${fromDate}T00:00:00+08:00`),
        to: new Date(`${addCalendarDays(toDate, 1)}T00:00:00+08:00`),
      });
    const under = unitPaths.map((p, i) => {
      qb.setParameter(`speedUnit${i}`, `${p}%`);
      return `r.stationId IN (${unitIdsUnderSql(`su${i}`, `speedUnit${i}`)})`;
    });
    return qb.andWhere(`(${under.join(' OR ')})`);
  }
}
