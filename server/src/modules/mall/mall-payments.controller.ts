import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallOrderResponse, MallPaymentStart } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { MallPaymentsService } from './mall-payments.service.js';

/** The guard pays the cash part of their own order with WeChat Pay; only WeChat Pay's word marks it paid. */
@ApiTags('积分商城')
@Controller()
export class MallPaymentsController {
  constructor(private readonly payments: MallPaymentsService) {}

  @Post('me/orders/:id/pay')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '支付待付款订单的现金部分（微信支付 JSAPI 下单，返回 requestPayment 参数）' })
  pay(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallPaymentStart> {
    return this.payments.start(actor, id);
  }

  @Post('me/orders/:id/payment-check')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '付款后查询：服务器向微信支付查单，已支付则记为已付，返回订单' })
  check(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallOrderResponse> {
    return this.payments.check(actor, id);
  }
}
