import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallOrderResponse, MallProductResponse, Page } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { MallOrdersService } from './mall-orders.service.js';
import { MallProductsService } from './mall-products.service.js';
import { MallProductQueryDto, PlaceMallOrderDto } from './mall.dto.js';

/** The guard's side of the points mall: what is on the shelf, redeeming, their own orders. */
@ApiTags('积分商城')
@Controller()
export class MallController {
  constructor(
    private readonly products: MallProductsService,
    private readonly orders: MallOrdersService,
  ) {}

  @Get('mall/products')
  @Authenticated()
  @ApiOperation({ summary: '在架商品（积分够兑换的排在前面）' })
  list(@CurrentActor() actor: Actor, @Query() q: MallProductQueryDto): Promise<Page<MallProductResponse>> {
    return this.products.listForGuard(actor, q);
  }

  @Get('mall/products/:id')
  @Authenticated()
  @ApiOperation({ summary: '商品详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallProductResponse> {
    return this.products.getForGuard(actor, id);
  }

  @Post('mall/orders')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '兑换（同一请求号重复提交返回同一订单）' })
  place(@CurrentActor() actor: Actor, @Body() dto: PlaceMallOrderDto): Promise<MallOrderResponse> {
    return this.orders.place(actor, dto);
  }

  @Get('me/orders')
  @Authenticated()
  @ApiOperation({ summary: '我的兑换订单' })
  mine(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<MallOrderResponse>> {
    return this.orders.listMine(actor, q);
  }

  @Get('me/orders/:id')
  @Authenticated()
  @ApiOperation({ summary: '我的兑换订单详情' })
  one(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallOrderResponse> {
    return this.orders.mine(actor, id);
  }

  @Post('me/orders/:id/cancel')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '取消兑换（未付款，或纯积分且未备货），退回积分和库存' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallOrderResponse> {
    return this.orders.cancelMine(actor, id);
  }
}
