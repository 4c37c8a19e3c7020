import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { addCalendarDays, startOfBusinessDay, TIP_PLACES_LIMIT, type TipPlacesResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { Tip } from './entities/tip.entity.js';
import { whereTipVisible } from './tip-scope.js';
import type { TipPlacesQueryDto } from './tip-places.dto.js';

/**
 * The places of the tips an officer sees (docs/tips.md#map-and-nearest-first-list): the tips of the viewer's chain
 * that carry a location, under the queue's filters, newest first and at most TIP_PLACES_LIMIT. Each is what and
 * where only — category, urgency, status, address, coordinates — never the submitter.
 */
@Injectable()
export class TipPlacesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async places(actor: Actor, q: TipPlacesQueryDto): Promise<TipPlacesResponse> {
    const qb = whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor)
      .andWhere('t.lat IS NOT NULL')
      .andWhere('t.lng IS NOT NULL');
    this.filter(qb, q);
    const [rows, total] = await qb
      .select([
        't.id',
        't.lat',
        't.lng',
        't.address',
        't.category',
        't.urgency',
        't.status',
        't.escalatedAt',
        't.createdAt',
      ])
      .orderBy('t.id', 'DESC')
      .take(TIP_PLACES_LIMIT)
      .getManyAndCount();
    return {
      items: rows.map((t) => ({
        id: t.id,
        lat: t.lat as number,
        lng: t.lng as number,
        address: t.address,
        category: t.category,
        urgency: t.urgency,
        status: t.status,
        escalated: t.escalatedAt !== null,
        createdAt: t.createdAt.toISOString(),
      })),
      total,
    };
  }

  /** The same filters as the queue (TipsAdminService.list): dates are Shanghai days of submission, inclusive. */
  private filter(qb: SelectQueryBuilder<Tip>, q: TipPlacesQueryDto): void {
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.category) qb.andWhere('t.category = :category', { category: q.category });
    if (q.urgency) qb.andWhere('t.urgency = :urgency', { urgency: q.urgency });
    if (q.stationId) qb.andWhere('t.orgUnitId = :stationId', { stationId: q.stationId });
    if (q.from) qb.andWhere('t.createdAt >= :from', { from: startOfBusinessDay(q.from, this.clock.zone) });
    if (q.to) qb.andWhere('t.createdAt < :to', { to: startOfBusinessDay(addCalendarDays(q.to, 1), this.clock.zone) });
  }
}
