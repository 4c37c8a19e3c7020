import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { CallupCounts, CallupDrawResponse, CallupPage, CallupResponse, CallupSummary } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { WartimeQueries } from '../wartime/wartime-queries.js';
import type { CallupListQueryDto } from './callups-admin.dto.js';
import { CallupDraw } from './entities/callup-draw.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import { Callup } from './entities/callup.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const ZERO: CallupCounts = { asked: 0, accepted: 0, declined: 0, arrived: 0, reported: 0 };

export function toDrawResponse(d: CallupDraw, c: Pick<Callup, 'title' | 'unitName'>): CallupDrawResponse {
  return {
    id: d.id,
    callupId: d.callupId,
    callupTitle: c.title,
    fromUnitName: c.unitName,
    requestedByName: d.requestedByName,
    branchId: d.branchId,
    branchName: d.branchName,
    count: d.count,
    picked: d.volunteerIds.length,
    skills: d.skills,
    tier: d.tier,
    status: d.status,
    declineReason: d.declineReason,
    createdAt: d.createdAt.toISOString(),
    decidedAt: iso(d.decidedAt),
    decidedByName: d.decidedByName,
  };
}

/**
 * Staff reads of call-ups (docs/callups.md#call-ups-and-targeting): scoped by the sending unit's path in SQL (out of
 * scope = 404), with each one's counts grouped in SQL: accepted counts everyone who accepted (also those who arrived
 * and reported since), arrived those who arrived (also those who reported).
 */
@Injectable()
export class CallupViews {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly wartime: WartimeQueries,
  ) {}

  /** The call-up if it lies in the actor's scope, else 404. */
  async scoped(actor: Actor, id: number): Promise<Callup> {
    const c = await this.ds.getRepository(Callup).findOneBy({ id });
    if (!c || !isPathInScope(actor, c.orgPath)) throw AppException.notFound();
    return c;
  }

  async list(actor: Actor, q: CallupListQueryDto): Promise<CallupPage> {
    const qb = this.ds.getRepository(Callup).createQueryBuilder('c');
    wherePathInScope(qb, actor, 'c.orgPath');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const [rows, total] = await qb
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const counts = await this.counts(rows.map((r) => r.id));
    return toPage(
      rows.map((c) => this.summary(c, counts.get(c.id) ?? ZERO)),
      total,
      q,
    );
  }

  async detail(actor: Actor, id: number): Promise<CallupResponse> {
    const c = await this.scoped(actor, id);
    const counts = (await this.counts([c.id])).get(c.id) ?? ZERO;
    const draws = await this.ds.getRepository(CallupDraw).find({ where: { callupId: c.id }, order: { id: 'ASC' } });
    const state = c.wartimeStateId ? await this.wartime.byId(c.wartimeStateId) : null;
    return {
      ...this.summary(c, counts),
      task: c.task,
      rally: { address: c.rallyAddress, lat: c.rallyLat, lng: c.rallyLng, radiusM: c.rallyRadiusM },
      target: c.target,
      items: c.items ?? [],
      planId: c.planId,
      wartime: state
        ? {
            id: state.id,
            areaName: state.areaName,
            leadUnitName: state.leadUnitName,
            reason: state.reason,
            startsAt: state.startsAt.toISOString(),
            endsAt: state.endsAt.toISOString(),
          }
        : null,
      createdByName: c.createdByName,
      closedAt: iso(c.closedAt),
      closedByName: c.closedByName,
      draws: draws.map((d) => toDrawResponse(d, c)),
    };
  }

  summary(c: Callup, counts: CallupCounts): CallupSummary {
    return {
      id: c.id,
      kind: c.kind,
      mode: c.mode,
      title: c.title,
      status: c.status,
      unitName: c.unitName,
      targetName: c.targetName,
      deadlineAt: c.deadlineAt.toISOString(),
      createdAt: c.createdAt.toISOString(),
      wanted: c.wanted,
      counts,
    };
  }

  /** Each call-up's counts, from one grouped read. */
  async counts(callupIds: number[]): Promise<Map<number, CallupCounts>> {
    const out = new Map<number, CallupCounts>();
    if (callupIds.length === 0) return out;
    const rows: { callupId: number; status: string; n: number | string }[] = await this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .select('r.callupId', 'callupId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where({ callupId: In(callupIds) })
      .groupBy('r.callupId')
      .addGroupBy('r.status')
      .getRawMany();
    for (const r of rows) {
      const id = Number(r.callupId);
      const n = Number(r.n);
      const c = out.get(id) ?? { ...ZERO };
      c.asked += n;
      if (r.status === 'declined') c.declined += n;
      if (['accepted', 'arrived', 'reported'].includes(r.status)) c.accepted += n;
      if (['arrived', 'reported'].includes(r.status)) c.arrived += n;
      if (r.status === 'reported') c.reported += n;
      out.set(id, c);
    }
    return out;
  }
}
