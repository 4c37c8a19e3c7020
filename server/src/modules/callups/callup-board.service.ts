import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  addCalendarDays,
  type BoardPerson,
  type BoardResponse,
  type CallupQrResponse,
  type CallupSpeed,
  type SpeedResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { scopePrefix, wherePathInScope } from '../../common/scope/org-scope.js';
import { callupsConfig, type CallupsConfig } from '../../config/callups.config.js';
import { dbDate } from '../../database/raw-sql.js';
import { OrgService } from '../org/org.service.js';
import { personName } from '../users/person-name.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { CallupQrCodes } from './callup-qr.js';
import { CallupReach, type BoardReach } from './callup-reach.js';
import { secondsBetween, speedOf } from './callup-speed.js';
import { CallupSpeedQueries } from './callup-speed.queries.js';
import { Callup } from './entities/callup.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import type { CallupSpeedQueryDto } from './callup-responses.dto.js';

/** A speed period is at most this many days. */
const SPEED_MAX_DAYS = 366;

/**
 * The live board of one call-up and the response speed per unit (docs/callups.md#the-live-board-and-response-speed).
 * Everything is read from the database on each request, so every instance shows the same; the counts are one
 * aggregate statement, the speeds one read of the accept and arrival times, and the people list is capped (newest
 * changes first).
 */
@Injectable()
export class CallupBoardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(callupsConfig.KEY) private readonly config: CallupsConfig,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly volunteers: VolunteerQueries,
    private readonly qr: CallupQrCodes,
    private readonly reach: CallupReach,
    private readonly speeds: CallupSpeedQueries,
  ) {}

  async board(actor: Actor, callupId: number): Promise<BoardResponse> {
    const at = this.clock.now();
    const c = await this.inScope(actor, callupId);
    const counts = await this.counts(c.id);
    const reach = await this.reach.forBoard(c.id);
    const speed = await this.speed(c);
    const people = await this.people(c, reach);
    const names = await this.unitNames([c.orgUnitId, c.target.unitId]);
    return {
      callup: {
        id: c.id,
        kind: c.kind,
        mode: c.mode,
        title: c.title,
        status: c.status,
        unitName: names.get(c.orgUnitId) ?? '',
        targetName: names.get(c.target.unitId) ?? '',
        deadlineAt: c.deadlineAt.toISOString(),
        createdAt: c.createdAt.toISOString(),
        wanted: c.wanted ?? null,
        counts,
        rallyAddress: c.rallyAddress,
        closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      },
      counts: { ...counts, ...reach.counts, wanted: c.wanted ?? null },
      people,
      speed,
      at: at.toISOString(),
    };
  }

  /** The rotating QR on the sending officer's (or any staff in scope's) phone. */
  async qrCode(actor: Actor, callupId: number): Promise<CallupQrResponse> {
    return this.qr.mint(await this.inScope(actor, callupId));
  }

  /** Per station or branch in the viewer's scope, over call-ups created between two Shanghai dates. */
  async speedByUnit(actor: Actor, q: CallupSpeedQueryDto): Promise<SpeedResponse> {
    const prefix = scopePrefix(actor);
    const to = q.to ?? this.clock.today();
    const from = q.from ?? addCalendarDays(to, -29);
    const level = q.level ?? 'station';
    if (from > to || addCalendarDays(from, SPEED_MAX_DAYS - 1) < to)
      throw new AppException('VALIDATION_FAILED', { fields: ['from', 'to'], maxDays: SPEED_MAX_DAYS });
    const units = (await this.org.findAtLevel(level)).filter((u) => u.path.startsWith(prefix));
    units.sort((a, b) => a.path.localeCompare(b.path));
    const figures = await this.speeds.speedByUnit(
      units.map((u) => u.path),
      from,
      to,
    );
    const rows = units.map((u, i) => {
      const { unitPath: _path, ...f } = figures[i];
      return { orgId: u.id, orgName: u.name, ...f };
    });
    return { from, to, level, rows };
  }

  /** The call-up, if it lies in the viewer's scope (by the sender's unit path); 404 otherwise. */
  private async inScope(actor: Actor, callupId: number): Promise<Callup> {
    const qb = this.ds.getRepository(Callup).createQueryBuilder('c').where('c.id = :callupId', { callupId });
    const c = await wherePathInScope(qb, actor, 'c.orgPath').getOne();
    if (!c) throw AppException.notFound();
    return c;
  }

  /** Every count in one aggregate statement (exact whatever the number of recipients). */
  private async counts(callupId: number): Promise<BoardResponse['callup']['counts']> {
    const row = await this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .select('COUNT(*)', 'asked')
      .addSelect('SUM(CASE WHEN r.acceptedAt IS NOT NULL THEN 1 ELSE 0 END)', 'accepted')
      .addSelect(`SUM(CASE WHEN r.status = 'declined' THEN 1 ELSE 0 END)`, 'declined')
      .addSelect('SUM(CASE WHEN r.arrivedAt IS NOT NULL THEN 1 ELSE 0 END)', 'arrived')
      .addSelect('SUM(CASE WHEN r.reportedAt IS NOT NULL THEN 1 ELSE 0 END)', 'reported')
      .where('r.callupId = :callupId', { callupId })
      .getRawOne<Record<string, unknown>>();
    const n = (k: string) => Number(row?.[k] ?? 0);
    return {
      asked: n('asked'),
      accepted: n('accepted'),
      declined: n('declined'),
      arrived: n('arrived'),
      reported: n('reported'),
    };
  }

  /** Median and p90 by nearest rank of the delays of everyone who accepted: one read of two columns. */
  private async speed(c: Callup): Promise<CallupSpeed> {
    const rows = await this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .select('r.acceptedAt', 'acceptedAt')
      .addSelect('r.arrivedAt', 'arrivedAt')
      .where('r.callupId = :id', { id: c.id })
      .andWhere('r.acceptedAt IS NOT NULL')
      .getRawMany<{ acceptedAt: unknown; arrivedAt: unknown }>();
    const accept = rows.map((r) => secondsBetween(c.createdAt, dbDate(r.acceptedAt)));
    const arrive = rows
      .filter((r) => r.arrivedAt !== null)
      .map((r) => secondsBetween(c.createdAt, dbDate(r.arrivedAt)));
    return speedOf(accept, arrive);
  }

  /** Up to the configured number of people, the latest change first, with names as staff see them elsewhere. */
  private async people(c: Callup, reach: BoardReach): Promise<BoardPerson[]> {
    const ids = await this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .addSelect('COALESCE(r.reportedAt, r.arrivedAt, r.acceptedAt, r.declinedAt, r.askedAt)', 'lastChange')
      .where('r.callupId = :id', { id: c.id })
      .orderBy('lastChange', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(this.config.boardPeopleLimit)
      .getRawMany<{ id: number | string }>();
    if (!ids.length) return [];
    const rows = await this.ds.getRepository(CallupRecipient).findBy({ id: In(ids.map((r) => Number(r.id))) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const vols = new Map((await this.volunteers.findByIds(rows.map((r) => r.volunteerId))).map((v) => [v.id, v]));
    const users = new Map((await this.users.findByIds(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    const stations = await this.unitNames(rows.map((r) => r.stationId ?? 0).filter((id) => id > 0));
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return ids.map(({ id }) => {
      const r = byId.get(Number(id))!;
      const user = users.get(r.userId);
      const got = reach.byRecipient.get(r.id);
      return {
        recipientId: r.id,
        volunteerId: r.volunteerId,
        name: user ? personName(user, vols.get(r.volunteerId) ?? null) : '',
        stationName: r.stationId ? (stations.get(r.stationId) ?? '') : '',
        source: r.source,
        status: r.status,
        askedAt: r.askedAt.toISOString(),
        acceptedAt: iso(r.acceptedAt),
        declinedAt: iso(r.declinedAt),
        arrivedAt: iso(r.arrivedAt),
        reportedAt: iso(r.reportedAt),
        pushReached: got?.push === 'sent',
        smsReached: got?.sms === 'queued',
      };
    });
  }

  private async unitNames(ids: number[]): Promise<Map<number, string>> {
    const units = await this.org.findByIds([...new Set(ids)]);
    return new Map(units.map((u) => [u.id, u.name]));
  }
}
