import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyTipPage, MyTipResponse, TipMessageResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { MyTipMessageDto, SubmitTipDto } from './tips.dto.js';
import { TipsService } from './tips.service.js';

/** The volunteer's tips: submit, read their own (public view), talk with the handling 民警. */
@ApiTags('情报线索')
@Controller()
export class TipsController {
  constructor(private readonly tips: TipsService) {}

  @Post('tips')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '提交线索（同一请求号重复提交返回同一条线索）' })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitTipDto): Promise<MyTipResponse> {
    return this.tips.submit(actor, dto);
  }

  @Get('me/tips')
  @Authenticated()
  @ApiOperation({ summary: '我提交的线索' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<MyTipPage> {
    return this.tips.listMine(actor, q);
  }

  @Get('me/tips/:id')
  @Authenticated()
  @ApiOperation({ summary: '我的线索详情（状态与处理结果）' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MyTipResponse> {
    return this.tips.mine(actor, id);
  }

  @Get('me/tips/:id/messages')
  @Authenticated()
  @ApiOperation({ summary: '我的线索留言' })
  messages(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<TipMessageResponse[]> {
    return this.tips.myMessages(actor, id);
  }

  @Post('me/tips/:id/messages')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '给处理民警留言' })
  post(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: MyTipMessageDto,
  ): Promise<TipMessageResponse[]> {
    return this.tips.postMine(actor, id, dto);
  }
}
