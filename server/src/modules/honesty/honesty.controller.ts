import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HonestyFlagPage, HonestyFlagResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { DismissHonestyFlagDto, HonestyFlagQueryDto } from './honesty.dto.js';
import { HonestyFlagsService } from './honesty-flags.service.js';

/** Data-honesty flags of the branch's or city's area; another area's flag reads as 404. */
@ApiTags('数据核查')
@Controller('admin/honesty-flags')
@Authenticated({ permission: 'honesty.review' })
export class HonestyController {
  constructor(private readonly flags: HonestyFlagsService) {}

  @Get()
  @ApiOperation({ summary: '数据核查疑点（可按状态、类型筛选）' })
  list(@CurrentActor() actor: Actor, @Query() q: HonestyFlagQueryDto): Promise<HonestyFlagPage> {
    return this.flags.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '疑点详情及相关记录' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<HonestyFlagResponse> {
    return this.flags.get(actor, id);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: '核实后排除（填写理由）' })
  dismiss(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DismissHonestyFlagDto,
  ): Promise<HonestyFlagResponse> {
    return this.flags.dismiss(actor, id, dto.reason);
  }
}
