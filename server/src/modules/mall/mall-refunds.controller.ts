import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallOrderResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { MallRefundDto } from './mall-refunds.dto.js';
import { MallRefundsService } from './mall-refunds.service.js';

/** The mall operator refunds an order of their unit and below (others' = 404). */
@ApiTags('积分商城（运营）')
@Controller('admin/mall')
export class MallRefundsController {
  constructor(private readonly refunds: MallRefundsService) {}

  @Post('orders/:id/refund')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.manage' })
  @ApiOperation({ summary: '退款（已兑换或待领取的订单；积分和库存退回，现金部分经微信支付原路退回）' })
  refund(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: MallRefundDto,
  ): Promise<MallOrderResponse> {
    return this.refunds.refund(actor, id, dto.reason);
  }
}
