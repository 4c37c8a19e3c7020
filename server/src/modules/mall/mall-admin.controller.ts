import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallProductResponse, Page } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { MallProductsService } from './mall-products.service.js';
import {
  CreateMallProductDto,
  MallProductQueryDto,
  MallShelfDto,
  MallStockDto,
  UpdateMallProductDto,
} from './mall.dto.js';

/** The mall operator's side: products, shelf and stock of their org and below (others' = 404); orders: MallOrdersAdminController. */
@ApiTags('积分商城（运营）')
@Controller('admin/mall')
export class MallAdminController {
  constructor(private readonly products: MallProductsService) {}

  @Get('products')
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '本单位及下级的商品' })
  list(@CurrentActor() actor: Actor, @Query() q: MallProductQueryDto): Promise<Page<MallProductResponse>> {
    return this.products.listForOperator(actor, q);
  }

  @Post('products')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '新建商品（默认下架）' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMallProductDto): Promise<MallProductResponse> {
    return this.products.create(actor, dto);
  }

  @Put('products/:id')
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '修改商品（可只带要改的字段）' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: UpdateMallProductDto,
  ): Promise<MallProductResponse> {
    return this.products.update(actor, id, dto);
  }

  @Post('products/:id/shelf')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '上架或下架' })
  shelf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: MallShelfDto,
  ): Promise<MallProductResponse> {
    return this.products.shelf(actor, id, dto);
  }

  @Post('products/:id/stock')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '调整库存（写明原因，不能减到 0 以下）' })
  stock(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: MallStockDto,
  ): Promise<MallProductResponse> {
    return this.products.adjustStock(actor, id, dto);
  }
}
