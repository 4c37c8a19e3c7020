import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  TIP_PHOTO_PURPOSE,
  type MyTipPage,
  type MyTipResponse,
  type TipMessageResponse,
  type TipStatus,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { UploadsService } from '../files/uploads.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { TipEvent } from './entities/tip-event.entity.js';
import { TipMessage } from './entities/tip-message.entity.js';
import { TipPhoto } from './entities/tip-photo.entity.js';
import { Tip } from './entities/tip.entity.js';
import { TipMapper } from './tip-mapper.js';
import type { MyTipMessageDto, SubmitTipDto } from './tips.dto.js';

/** A tip's trail entry, written in the transaction of the change it records. */
export async function recordTipEvent(
  m: EntityManager,
  e: {
    tipId: number;
    action: string;
    fromStatus: TipStatus | null;
    toStatus: TipStatus;
    actor: Actor | null;
    now: Date;
  },
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  const repo = m.getRepository(TipEvent);
  await repo.save(
    repo.create({
      tipId: e.tipId,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorUserId: e.actor?.userId ?? null,
      actorName: e.actor?.displayName.slice(0, 64) ?? '系统',
      detail,
      createdAt: e.now,
    }),
  );
}

/**
 * The volunteer's side of tips (docs/product.md#tips): submit (idempotent on the phone's request id), their
 * own tips in the public view, and the message thread with the handlers, who appear as 民警.
 */
@Injectable()
export class TipsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly uploads: UploadsService,
    private readonly mapper: TipMapper,
  ) {}

  async submit(actor: Actor, dto: SubmitTipDto): Promise<MyTipResponse> {
    const existing = await this.findByRequest(actor.userId, dto.clientRequestId);
    if (existing) return (await this.mapper.mine([existing]))[0];
    const v = await this.volunteers.findByUserId(actor.userId);
    const station = v?.status === 'active' && v.stationId ? await this.org.findById(v.stationId) : null;
    if (!v || !station) throw new AppException('TIP_NOT_VOLUNTEER');
    const now = this.clock.now();
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw new AppException('TIP_OCCURRED_IN_FUTURE');
    const photoIds = [...new Set(dto.photoIds ?? [])];
    let id: number;
    try {
      id = await this.ds.transaction(async (m) => {
        const repo = m.getRepository(Tip);
        const tip = await repo.save(
          repo.create({
            submitterUserId: actor.userId,
            volunteerId: v.id,
            clientRequestId: dto.clientRequestId,
            orgUnitId: station.id,
            orgPath: station.path,
            category: dto.category,
            text: dto.text.trim(),
            occurredAt,
            address: dto.place?.address.trim() ?? null,
            lat: dto.place?.lat ?? null,
            lng: dto.place?.lng ?? null,
            urgency: dto.urgency ?? 'normal',
            status: 'submitted',
            assignedOrgUnitId: null,
            assignedOrgPath: null,
            assignedUserId: null,
            result: null,
            rejectReason: null,
            duplicateOfId: null,
            acceptedAt: null,
            closedAt: null,
            escalatedAt: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          }),
        );
        await this.attachPhotos(m, actor, tip.id, photoIds);
        await recordTipEvent(m, {
          tipId: tip.id,
          action: 'submit',
          fromStatus: null,
          toStatus: 'submitted',
          actor,
          now,
        });
        return tip.id;
      });
    } catch (err) {
      // the same request sent twice at once: the unique (submitter, request id) lets one in, the other reads it
      const again = isDuplicateKey(err) ? await this.findByRequest(actor.userId, dto.clientRequestId) : null;
      if (again) return (await this.mapper.mine([again]))[0];
      throw err;
    }
    return this.mine(actor, id);
  }

  async listMine(actor: Actor, q: PageQueryDto): Promise<MyTipPage> {
    const [rows, total] = await this.ds.getRepository(Tip).findAndCount({
      where: { submitterUserId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.mapper.mine(rows, false), total, q);
  }

  async mine(actor: Actor, id: number): Promise<MyTipResponse> {
    return (await this.mapper.mine([await this.loadMine(actor, id)]))[0];
  }

  async myMessages(actor: Actor, id: number): Promise<TipMessageResponse[]> {
    const tip = await this.loadMine(actor, id);
    const rows = await this.ds
      .getRepository(TipMessage)
      .find({ where: { tipId: tip.id, internal: false }, order: { id: 'ASC' } });
    return this.mapper.messages(tip, rows, false);
  }

  async postMine(actor: Actor, id: number, dto: MyTipMessageDto): Promise<TipMessageResponse[]> {
    const tip = await this.loadMine(actor, id);
    await this.ds.getRepository(TipMessage).insert({
      tipId: tip.id,
      fromStaff: false,
      internal: false,
      authorUserId: actor.userId,
      text: dto.text.trim(),
      createdAt: this.clock.now(),
    });
    return this.myMessages(actor, id);
  }

  private async loadMine(actor: Actor, id: number): Promise<Tip> {
    const tip = await this.ds.getRepository(Tip).findOneBy({ id, submitterUserId: actor.userId });
    if (!tip) throw AppException.notFound();
    return tip;
  }

  private findByRequest(userId: number, clientRequestId: string): Promise<Tip | null> {
    return this.ds.getRepository(Tip).findOneBy({ submitterUserId: userId, clientRequestId });
  }

  /** Only the submitter's own unattached tip_photo uploads; anything else refuses the whole tip. */
  private async attachPhotos(m: EntityManager, actor: Actor, tipId: number, photoIds: string[]): Promise<void> {
    const target = {
      fileIds: photoIds,
      ownerUserId: actor.userId,
      purpose: TIP_PHOTO_PURPOSE,
      attachedTo: `tip:${tipId}`,
    };
    await this.uploads.attachAll(m, target, 'TIP_PHOTO_INVALID');
    if (photoIds.length)
      await m.getRepository(TipPhoto).insert(photoIds.map((fileId, position) => ({ tipId, fileId, position })));
  }
}
