import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminLedgerEntryResponse,
  LedgerEntryResponse,
  MyPointsResponse,
  Page,
  PointsIssuedResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { AdminLedgerQueryDto, PointsAdjustmentDto, PointsIssuedQueryDto, ReverseEntryDto } from './points.dto.js';
import { PointsAdjustmentsService } from './points-adjustments.service.js';
import { PointsService } from './points.service.js';

@ApiTags('积分')
@Controller()
export class PointsController {
  constructor(
    private readonly points: PointsService,
    private readonly adjustments: PointsAdjustmentsService,
  ) {}

  @Get('me/points')
  @Authenticated()
  @ApiOperation({ summary: '我的积分余额与最近明细' })
  mine(@CurrentActor() actor: Actor): Promise<MyPointsResponse> {
    return this.points.mine(actor);
  }

  @Get('me/points/ledger')
  @Authenticated()
  @ApiOperation({ summary: '我的积分明细（分页）' })
  myLedger(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<LedgerEntryResponse>> {
    return this.points.myLedger(actor, q);
  }

  @Get('admin/points/issued')
  @Authenticated({ permission: 'points.read' })
  @ApiOperation({ summary: '各单位发放积分（本单位及下级）' })
  issued(@CurrentActor() actor: Actor, @Query() q: PointsIssuedQueryDto): Promise<PointsIssuedResponse> {
    return this.points.issued(actor, q);
  }

  @Get('admin/points/ledger')
  @Authenticated({ permission: 'points.read' })
  @ApiOperation({ summary: '积分流水（按发放单位范围）' })
  ledger(@CurrentActor() actor: Actor, @Query() q: AdminLedgerQueryDto): Promise<Page<AdminLedgerEntryResponse>> {
    return this.points.adminLedger(actor, q);
  }

  @Post('admin/points/entries/:id/reverse')
  @HttpCode(200)
  @Authenticated({ permission: 'points.reverse' })
  @ApiOperation({ summary: '冲正一笔积分（需填写原因，记入操作日志）' })
  reverse(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReverseEntryDto,
  ): Promise<LedgerEntryResponse> {
    return this.points.reverse(actor, id, dto.reason);
  }

  @Post('admin/points/adjustments')
  @Authenticated({ permission: 'points.adjust' })
  @ApiOperation({ summary: '人工调整义警积分（正数增加、负数扣减，需填写原因，记入操作日志）' })
  adjust(@CurrentActor() actor: Actor, @Body() dto: PointsAdjustmentDto): Promise<LedgerEntryResponse> {
    return this.adjustments.adjust(actor, dto);
  }
}
