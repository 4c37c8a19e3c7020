import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MallAdminOrderDetail, MallPickupLookup } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { MallPickupCodeDto } from './mall-pickup.dto.js';
import { MallPickupService } from './mall-pickup.service.js';

/** Pickup (核销): the item is ready at the station (or sent), and the station hands it over against the code once. */
@ApiTags('积分商城（核销）')
@Controller('admin/mall')
export class MallPickupController {
  constructor(private readonly pickup: MallPickupService) {}

  @Post('orders/:id/ready')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.verify' })
  @ApiOperation({ summary: '备货完成（可领取，邮寄的为已寄出）：生成一次性领取码并通知义警' })
  ready(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MallAdminOrderDetail> {
    return this.pickup.ready(actor, id);
  }

  @Post('pickups/lookup')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.verify' })
  @ApiOperation({ summary: '查领取码：兑换的是什么、谁的，已核销的说明何时由谁核销' })
  lookup(@CurrentActor() actor: Actor, @Body() dto: MallPickupCodeDto): Promise<MallPickupLookup> {
    return this.pickup.lookup(actor, dto.code);
  }

  @Post('pickups/confirm')
  @HttpCode(200)
  @Authenticated({ permission: 'mall.verify' })
  @ApiOperation({ summary: '确认领取（只能核销一次；再次核销提示何时由谁核销）' })
  confirm(@CurrentActor() actor: Actor, @Body() dto: MallPickupCodeDto): Promise<MallPickupLookup> {
    return this.pickup.confirm(actor, dto.code);
  }
}
