import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { MALL_ORDER_STATUS_LABELS, businessDateTime } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import type { MallOrder } from './entities/mall-order.entity.js';
import type { MallAdminOrderQueryDto } from './mall-orders-admin.dto.js';
import { MallOrderNames, type OrderNames } from './mall-orders-admin.names.js';
import { MallOrdersAdminService } from './mall-orders-admin.service.js';

/** The most rows one export holds (newest first); narrower filters export the rest. */
export const MALL_EXPORT_MAX_ROWS = 10_000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The Chinese file name, sent as RFC 5987 `filename*`, with an ASCII fallback. */
export const MALL_EXPORT_FILE_NAME = '商城订单.xlsx';

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '订单号', key: 'id', width: 10 },
  { header: '下单时间', key: 'createdAt', width: 18 },
  { header: '商品', key: 'product', width: 24 },
  { header: '数量', key: 'quantity', width: 6 },
  { header: '积分', key: 'points', width: 8 },
  { header: '现金（元）', key: 'cash', width: 10 },
  { header: '状态', key: 'status', width: 8 },
  { header: '领取服务站', key: 'station', width: 16 },
  { header: '义警', key: 'volunteer', width: 8 },
  { header: '可领取时间', key: 'readyAt', width: 18 },
  { header: '领取时间', key: 'completedAt', width: 18 },
  { header: '核销人', key: 'verifiedBy', width: 10 },
];

/** The staff order list (same reach and filters) as one .xlsx sheet with Chinese headers; audited. */
@Injectable()
export class MallOrdersExport {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly orders: MallOrdersAdminService,
    private readonly names: MallOrderNames,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, q: MallAdminOrderQueryDto): Promise<Buffer> {
    const rows = await this.orders.query(actor, q).orderBy('o.id', 'DESC').take(MALL_EXPORT_MAX_ROWS).getMany();
    const names = await this.names.forOrders(rows);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商城订单');
    ws.columns = COLUMNS;
    for (const o of rows) ws.addRow(this.row(o, names));
    ws.getRow(1).font = { bold: true };
    const { page: _page, pageSize: _size, ...filters } = q;
    await this.ds.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'mall.order.export',
        targetType: 'mall_order',
        after: { filters: { ...filters }, rows: rows.length },
      }),
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private row(o: MallOrder, names: OrderNames): Record<string, string | number> {
    const at = (d: Date | null) => (d ? businessDateTime(d, this.clock.zone) : '');
    return {
      id: o.id,
      createdAt: at(o.createdAt),
      product: o.productName,
      quantity: o.quantity,
      points: o.pointsTotal,
      cash: o.cashFenTotal / 100,
      status: MALL_ORDER_STATUS_LABELS[o.status],
      station: names.org(o.pickupStationId) ?? '邮寄',
      volunteer: names.volunteer(o.userId),
      readyAt: at(o.readyAt),
      completedAt: at(o.completedAt),
      verifiedBy: names.staff(o.verifiedByUserId) ?? '',
    };
  }
}
