import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { MallAdminOrderDetail, MallOrderResponse, MallStats, Page } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { MALL_EXPORT_FILE_NAME, MallOrdersExport, XLSX_TYPE } from './mall-export.js';
import { MallAdminOrderQueryDto } from './mall-orders-admin.dto.js';
import { MallOrdersAdminService } from './mall-orders-admin.service.js';
import { MallStatsQueryDto } from './mall-stats.dto.js';
import { MallStatsService } from './mall-stats.service.js';

/**
 * Orders as staff see them: the operator those of products of their unit and below, a station officer those to be
 * picked up at their station (`mall.verify`); the export and the statistics are the operator's (`mall.manage`).
 */
@ApiTags('积分商城（订单）')
@Controller('admin/mall')
export class MallOrdersAdminController {
  constructor(
    private readonly orders: MallOrdersAdminService,
    private readonly exporter: MallOrdersExport,
    private readonly statistics: MallStatsService,
  ) {}

  @Get('orders')
  @Authenticated({ permission: 'mall.verify' })
  @ApiOperation({ summary: '兑换订单（运营：本单位及下级的商品；派出所：在本所领取的订单）' })
  list(@CurrentActor() actor: Actor, @Query() q: MallAdminOrderQueryDto): Promise<Page<MallOrderResponse>> {
    return this.orders.list(actor, q);
  }

  @Get('orders/export')
  @Authenticated({ permission: 'mall.manage' })
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '导出兑换订单 .xlsx（同列表筛选条件，最多 10000 行；记入操作日志）' })
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: MallAdminOrderQueryDto,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const buf = await this.exporter.export(actor, q);
    res.header('Content-Type', XLSX_TYPE);
    res.header(
      'Content-Disposition',
      `attachment; filename="mall-orders.xlsx"; filename*=UTF-8''${encodeURIComponent(MALL_EXPORT_FILE_NAME)}`,
    );
    res.send(buf);
  }

  @Get('orders/:id')
  @Authenticated({ permission: 'mall.verify' })
  @ApiOperation({ summary: '订单详情（付款、核销记录）' })
  one(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallAdminOrderDetail> {
    return this.orders.detail(actor, id);
  }

  @Get('stats')
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '商城统计：各单位商品的兑换量，各发放单位尚未使用的积分' })
  stats(@CurrentActor() actor: Actor, @Query() q: MallStatsQueryDto): Promise<MallStats> {
    return this.statistics.stats(actor, q);
  }
}
