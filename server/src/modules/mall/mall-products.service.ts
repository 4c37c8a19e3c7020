import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { MALL_PRODUCT_IMAGE_PURPOSE, type MallProductResponse, type Page } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { assertPathInScope, isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { UploadsService } from '../files/uploads.service.js';
import { OrgService } from '../org/org.service.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { likeContaining, productResponse } from './mall-mapper.js';
import {
  MAX_STOCK,
  type CreateMallProductDto,
  type MallProductQueryDto,
  type MallShelfDto,
  type MallStockDto,
  type UpdateMallProductDto,
} from './mall.dto.js';

/**
 * The mall's products (docs/mall.md): the operator's side (create, update, shelf, audited stock adjustments, all
 * inside their org scope, out of scope = 404) and the guard's side (what is on the shelf, affordable first).
 */
@Injectable()
export class MallProductsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly uploads: UploadsService,
    private readonly audit: AuditService,
    private readonly points: PointsLedgerService,
  ) {}

  async create(actor: Actor, dto: CreateMallProductDto): Promise<MallProductResponse> {
    const unit = await this.org.findById(dto.orgUnitId ?? actor.orgUnitId ?? 0);
    if (!unit || !isPathInScope(actor, unit.path)) throw new AppException('MALL_ORG_INVALID');
    await this.checkStations(actor, dto.pickupStationIds ?? []);
    const now = this.clock.now();
    const saved = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(MallProduct);
      const p = await repo.save(
        repo.create({
          name: dto.name,
          category: dto.category,
          description: dto.description ?? '',
          imageIds: [],
          pointsPrice: dto.pointsPrice,
          cashFen: dto.cashFen ?? 0,
          stock: dto.stock,
          perPersonLimit: dto.perPersonLimit ?? null,
          onShelf: false,
          pickupStationIds: [...new Set(dto.pickupStationIds ?? [])],
          delivery: dto.delivery ?? false,
          orgUnitId: unit.id,
          orgPath: unit.path,
          createdByUserId: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.attachImages(m, actor, p, dto.imageIds ?? []);
      await this.audit.record(m, actor, {
        action: 'mall.product.create',
        targetType: 'mall_product',
        targetId: String(p.id),
        orgUnitId: unit.id,
        after: { name: p.name, pointsPrice: p.pointsPrice, cashFen: p.cashFen, stock: p.stock },
      });
      return p;
    });
    return productResponse(saved);
  }

  async update(actor: Actor, id: number, dto: UpdateMallProductDto): Promise<MallProductResponse> {
    const p = await this.scoped(actor, id);
    if (dto.pickupStationIds) await this.checkStations(actor, dto.pickupStationIds);
    const saved = await this.ds.transaction(async (m) => {
      const before = productResponse(p);
      const { imageIds, ...given } = dto;
      const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      Object.assign(p, fields, { updatedAt: this.clock.now() });
      if (dto.pickupStationIds) p.pickupStationIds = [...new Set(dto.pickupStationIds)];
      if (imageIds) await this.attachImages(m, actor, p, imageIds);
      await m
        .getRepository(MallProduct)
        .update(
          { id },
          { ...fields, pickupStationIds: p.pickupStationIds, imageIds: p.imageIds, updatedAt: p.updatedAt },
        );
      await this.audit.record(m, actor, {
        action: 'mall.product.update',
        targetType: 'mall_product',
        targetId: String(id),
        orgUnitId: p.orgUnitId,
        before: { ...before },
        after: { ...dto },
      });
      return p;
    });
    return productResponse(saved);
  }

  async shelf(actor: Actor, id: number, dto: MallShelfDto): Promise<MallProductResponse> {
    const p = await this.scoped(actor, id);
    await this.ds.transaction(async (m) => {
      await m.getRepository(MallProduct).update({ id }, { onShelf: dto.onShelf, updatedAt: this.clock.now() });
      await this.audit.record(m, actor, {
        action: dto.onShelf ? 'mall.product.on_shelf' : 'mall.product.off_shelf',
        targetType: 'mall_product',
        targetId: String(id),
        orgUnitId: p.orgUnitId,
      });
    });
    return productResponse({ ...p, onShelf: dto.onShelf });
  }

  /** A conditional UPDATE (`stock + delta >= 0`): concurrent orders and adjustments never take stock below zero. */
  async adjustStock(actor: Actor, id: number, dto: MallStockDto): Promise<MallProductResponse> {
    const p = await this.scoped(actor, id);
    const after = await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(MallProduct)
        .set({ stock: () => 'stock + :delta', updatedAt: this.clock.now() })
        .where('id = :id AND stock + :delta >= 0 AND stock + :delta <= :max', { id, delta: dto.delta, max: MAX_STOCK })
        .execute();
      if (!res.affected) throw await this.stockRefusal(m, id, dto.delta);
      const fresh = await m.getRepository(MallProduct).findOneByOrFail({ id });
      await this.audit.record(m, actor, {
        action: 'mall.product.stock',
        targetType: 'mall_product',
        targetId: String(id),
        orgUnitId: p.orgUnitId,
        before: { stock: fresh.stock - dto.delta },
        after: { stock: fresh.stock, delta: dto.delta, reason: dto.reason },
      });
      return fresh;
    });
    return productResponse(after);
  }

  async listForOperator(actor: Actor, q: MallProductQueryDto): Promise<Page<MallProductResponse>> {
    const qb = this.ds.getRepository(MallProduct).createQueryBuilder('p');
    wherePathInScope(qb, actor, 'p.orgPath');
    this.filter(qb, q);
    const [rows, total] = await qb.orderBy('p.id', 'DESC').skip(skip(q)).take(q.pageSize).getManyAndCount();
    return toPage(
      rows.map((p) => productResponse(p)),
      total,
      q,
    );
  }

  /** On the shelf, searched by name and category; what the caller's balance covers comes first. */
  async listForGuard(actor: Actor, q: MallProductQueryDto): Promise<Page<MallProductResponse>> {
    const balance = (await this.points.balanceOf(actor.userId))?.balance ?? 0;
    const qb = this.ds.getRepository(MallProduct).createQueryBuilder('p').where('p.onShelf = :on', { on: true });
    this.filter(qb, q);
    const [rows, total] = await qb
      .addSelect('CASE WHEN p.pointsPrice <= :balance THEN 0 ELSE 1 END', 'p_affordable_rank')
      .setParameter('balance', balance)
      .orderBy('p_affordable_rank', 'ASC')
      .addOrderBy('p.id', 'DESC')
      .skip(skip(q))
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(
      rows.map((p) => productResponse(p, balance)),
      total,
      q,
    );
  }

  async getForGuard(actor: Actor, id: number): Promise<MallProductResponse> {
    const p = await this.ds.getRepository(MallProduct).findOneBy({ id, onShelf: true });
    if (!p) throw AppException.notFound();
    const balance = (await this.points.balanceOf(actor.userId))?.balance ?? 0;
    return productResponse(p, balance);
  }

  private filter(qb: SelectQueryBuilder<MallProduct>, q: MallProductQueryDto): void {
    if (q.q) qb.andWhere("p.name LIKE :kw ESCAPE '!'", { kw: likeContaining(q.q) });
    if (q.category) qb.andWhere('p.category = :category', { category: q.category });
  }

  /** Why a stock change took no row: below 0 (MALL_STOCK_NEGATIVE) or past the most a product holds. */
  private async stockRefusal(m: EntityManager, id: number, delta: number): Promise<AppException> {
    const { stock } = await m.getRepository(MallProduct).findOneByOrFail({ id });
    return new AppException(stock + delta > MAX_STOCK ? 'MALL_STOCK_TOO_LARGE' : 'MALL_STOCK_NEGATIVE');
  }

  private async scoped(actor: Actor, id: number): Promise<MallProduct> {
    const p = await this.ds.getRepository(MallProduct).findOneBy({ id });
    if (!p) throw AppException.notFound();
    assertPathInScope(actor, p.orgPath);
    return p;
  }

  private async checkStations(actor: Actor, ids: number[]): Promise<void> {
    const units = await this.org.findByIds([...new Set(ids)]);
    if (units.length !== new Set(ids).size || units.some((u) => u.level !== 'station' || !isPathInScope(actor, u.path)))
      throw new AppException('MALL_PICKUP_INVALID');
  }

  /** The uploader's own unattached product pictures now belong to the product; ones it already has stay. */
  private async attachImages(m: EntityManager, actor: Actor, p: MallProduct, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    for (const id of wanted.filter((i) => !p.imageIds.includes(i))) {
      try {
        await this.uploads.attach(m, {
          id,
          ownerUserId: actor.userId,
          purpose: MALL_PRODUCT_IMAGE_PURPOSE,
          attachedTo: `product:${p.id}`,
        });
      } catch {
        throw new AppException('MALL_IMAGE_INVALID');
      }
    }
    p.imageIds = wanted;
    await m.getRepository(MallProduct).update({ id: p.id }, { imageIds: wanted });
  }
}

function skip(q: PageQueryDto): number {
  return (q.page - 1) * q.pageSize;
}
