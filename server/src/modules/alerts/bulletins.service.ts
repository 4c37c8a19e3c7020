import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import {
  BULLETIN_IMAGE_PURPOSE,
  hasPermission,
  type AdminBulletinPage,
  type AdminBulletinResponse,
  type BulletinUnitCount,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { UploadsService } from '../files/uploads.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { OrgService } from '../org/org.service.js';
import { AlertAudience } from './alert-audience.js';
import type { PublishBulletinDto } from './alerts.dto.js';
import { BulletinRecipient } from './entities/bulletin-recipient.entity.js';
import { Bulletin } from './entities/bulletin.entity.js';

const BATCH = 400;

/** The page a bulletin's message opens (a page of app.config, without a leading slash). */
export const bulletinPage = (id: number): string => `alerts/bulletin/index?id=${id}`;

type Reader = Omit<BulletinRecipient, 'id' | 'bulletinId' | 'readAt'>;

/**
 * Situation bulletins (docs/alerts.md#bulletins): published to the volunteers (counted under their station) and the
 * company managers (under their company) of a station, a branch or the city within the sender's scope; the audience,
 * the pictures, the messages and the audit entry are written in one transaction; read figures per unit.
 */
@Injectable()
export class BulletinsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly audience: AlertAudience,
    private readonly companies: CompanyQueries,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async publish(actor: Actor, dto: PublishBulletinDto): Promise<AdminBulletinResponse> {
    const area = await this.org.findById(dto.areaId);
    if (!area || !isPathInScope(actor, area.path)) throw AppException.notFound();
    if (area.level === 'community') throw new AppException('BULLETIN_AREA_INVALID');
    const readers = await this.readers(actor, area);
    if (readers.length === 0) throw new AppException('BULLETIN_NO_AUDIENCE');
    const imageIds = [...new Set(dto.imageIds ?? [])];
    const { bulletin, notificationIds } = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(Bulletin);
      const bulletin = await repo.save(
        repo.create({
          senderUserId: actor.userId,
          senderName: actor.displayName.slice(0, 64),
          areaId: area.id,
          areaName: area.name,
          orgPath: area.path,
          title: dto.title.trim(),
          text: dto.text.trim(),
          advice: dto.advice.trim(),
          imageIds,
          recipientCount: readers.length,
          createdAt: this.clock.now(),
        }),
      );
      await this.attachImages(m, actor, bulletin.id, imageIds);
      const notificationIds = await this.insertReaders(m, bulletin, readers);
      await this.audit.record(m, actor, {
        action: 'bulletin.publish',
        targetType: 'bulletin',
        targetId: String(bulletin.id),
        orgUnitId: area.id,
        after: { title: bulletin.title, area: area.name, recipients: readers.length, images: imageIds.length },
      });
      return { bulletin, notificationIds };
    });
    void this.notifications.push(notificationIds).catch(() => undefined);
    return { ...this.summary(bulletin, 0), units: await this.units(bulletin.id) };
  }

  async list(actor: Actor, q: PageQueryDto): Promise<AdminBulletinPage> {
    const [rows, total] = await wherePathInScope(
      this.ds.getRepository(Bulletin).createQueryBuilder('b'),
      actor,
      'b.orgPath',
    )
      .orderBy('b.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const items = [];
    for (const b of rows) items.push(this.summary(b, await this.readCount(b.id)));
    return toPage(items, total, q);
  }

  async get(actor: Actor, id: number): Promise<AdminBulletinResponse> {
    const b = await this.ds.getRepository(Bulletin).findOneBy({ id });
    if (!b || !isPathInScope(actor, b.orgPath)) throw AppException.notFound();
    return { ...this.summary(b, await this.readCount(b.id)), units: await this.units(b.id) };
  }

  /**
   * Whether this person may see the bulletin's pictures: its readers and the officers (alerts.send) whose scope holds
   * it — not every staff account at the city (the system administrator, the mall operator).
   */
  async canSee(actor: Actor, id: number): Promise<boolean> {
    const b = await this.ds.getRepository(Bulletin).findOneBy({ id });
    if (!b) return false;
    if (hasPermission(actor.staffRoles, 'alerts.send') && isPathInScope(actor, b.orgPath)) return true;
    return this.ds.getRepository(BulletinRecipient).existsBy({ bulletinId: id, userId: actor.userId });
  }

  /** The volunteers of the area under their station and the managers of its companies under the company. */
  private async readers(actor: Actor, area: OrgUnitRecord): Promise<Reader[]> {
    const { stations, communities } = await this.audience.unitsUnder(area.path);
    const stationById = new Map(stations.map((s) => [s.id, s]));
    const stationOfCommunity = new Map(communities.map((c) => [c.id, stationById.get(c.parentId ?? 0)]));
    const out = new Map<number, Reader>();
    for (const v of await this.audience.inUnitsUnder(area.path)) {
      const station =
        (v.stationId !== null ? stationById.get(v.stationId) : undefined) ??
        stationOfCommunity.get(v.residenceCommunityId ?? 0);
      if (!station) continue;
      out.set(v.userId, { userId: v.userId, unitKind: 'station', unitId: station.id, unitName: station.name });
    }
    for (const c of await this.companies.inScope({ ...actor, orgPath: area.path })) {
      if (c.managerUserId === null || out.has(c.managerUserId)) continue;
      out.set(c.managerUserId, {
        userId: c.managerUserId,
        unitKind: 'company',
        unitId: c.id,
        unitName: c.name.slice(0, 64),
      });
    }
    return [...out.values()];
  }

  private async insertReaders(m: EntityManager, b: Bulletin, readers: Reader[]): Promise<number[]> {
    const messageOf = await this.notifications.createForEach(
      m,
      readers.map((r) => r.userId),
      {
        template: 'situation_bulletin',
        title: `【治安通报】${b.title}`,
        body: b.text.slice(0, 200),
        page: bulletinPage(b.id),
        data: { thing1: b.title.slice(0, 20), thing2: b.areaName.slice(0, 20) },
      },
    );
    const rows = readers.map((r) => ({ ...r, bulletinId: b.id, readAt: null }));
    for (let i = 0; i < rows.length; i += BATCH)
      await m.getRepository(BulletinRecipient).insert(rows.slice(i, i + BATCH));
    return [...messageOf.values()];
  }

  private attachImages(m: EntityManager, actor: Actor, bulletinId: number, imageIds: string[]): Promise<void> {
    const target = {
      fileIds: imageIds,
      ownerUserId: actor.userId,
      purpose: BULLETIN_IMAGE_PURPOSE,
      attachedTo: `bulletin:${bulletinId}`,
    };
    return this.uploads.attachAll(m, target, 'BULLETIN_IMAGE_INVALID');
  }

  private readCount(bulletinId: number): Promise<number> {
    return this.ds.getRepository(BulletinRecipient).countBy({ bulletinId, readAt: Not(IsNull()) });
  }

  /** Recipients and readers per station and per company, stations first, then by name. */
  private async units(bulletinId: number): Promise<BulletinUnitCount[]> {
    const rows: {
      kind: 'station' | 'company';
      unitId: number;
      name: string;
      n: string | number;
      r: string | number;
    }[] = await this.ds
      .getRepository(BulletinRecipient)
      .createQueryBuilder('r')
      .select('r.unitKind', 'kind')
      .addSelect('r.unitId', 'unitId')
      .addSelect('MAX(r.unitName)', 'name')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN r.readAt IS NULL THEN 0 ELSE 1 END)', 'r')
      .where('r.bulletinId = :bulletinId', { bulletinId })
      .groupBy('r.unitKind')
      .addGroupBy('r.unitId')
      .getRawMany();
    return rows
      .map((r) => ({
        kind: r.kind,
        unitId: Number(r.unitId),
        name: r.name,
        recipients: Number(r.n),
        read: Number(r.r),
      }))
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'zh') : a.kind === 'station' ? -1 : 1));
  }

  private summary(b: Bulletin, read: number): Omit<AdminBulletinResponse, 'units'> {
    return {
      id: b.id,
      title: b.title,
      text: b.text,
      advice: b.advice,
      areaName: b.areaName,
      senderName: b.senderName,
      imageIds: b.imageIds,
      createdAt: b.createdAt.toISOString(),
      recipients: b.recipientCount,
      read,
    };
  }
}
