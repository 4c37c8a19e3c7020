import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WartimeCurrentResponse, WartimeStatePage, WartimeStateResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { DeclareWartimeDto, EndWartimeDto, WartimeListQueryDto } from './wartime.dto.js';
import { WartimeService } from './wartime.service.js';

/** War-time states: branches and the city declare and end them; staff list them; everyone sees the banner. */
@ApiTags('战时状态')
@Controller()
export class WartimeController {
  constructor(private readonly wartime: WartimeService) {}

  @Get('admin/wartime')
  @Authenticated({ permission: 'callups.read' })
  @ApiOperation({ summary: '本单位及下级的战时状态（生效中的在前）' })
  list(@CurrentActor() actor: Actor, @Query() q: WartimeListQueryDto): Promise<WartimeStatePage> {
    return this.wartime.list(actor, q);
  }

  @Post('admin/wartime')
  @HttpCode(200)
  @Authenticated({ permission: 'wartime.declare' })
  @ApiOperation({ summary: '启动战时状态（分局：本辖区；市局：任意区域）' })
  declare(@CurrentActor() actor: Actor, @Body() dto: DeclareWartimeDto): Promise<WartimeStateResponse> {
    return this.wartime.declare(actor, dto);
  }

  @Post('admin/wartime/:id/end')
  @HttpCode(200)
  @Authenticated({ permission: 'wartime.declare' })
  @ApiOperation({ summary: '提前结束战时状态（须写明原因）' })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: EndWartimeDto,
  ): Promise<WartimeStateResponse> {
    return this.wartime.end(actor, id, dto);
  }

  @Get('wartime/current')
  @Authenticated()
  @ApiOperation({ summary: '当前生效的战时状态（义警：所属派出所或居住社区；民警：本单位）' })
  current(@CurrentActor() actor: Actor): Promise<WartimeCurrentResponse> {
    return this.wartime.current(actor);
  }
}
