import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallupQrResponse, MyCallupPage, MyCallupResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { CallupAnswerDto, CallupArriveDto, CallupReportDto } from './callup-responses.dto.js';
import { CallupResponsesService } from './callup-responses.service.js';

/** A guard's call-ups: only the call-ups they were asked in (anyone else gets 404). */
@ApiTags('调度指令')
@Controller()
@Authenticated()
export class CallupsController {
  constructor(private readonly responses: CallupResponsesService) {}

  @Get('callups')
  @ApiOperation({ summary: '我的调度指令：进行中的在前，然后是过去的' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<MyCallupPage> {
    return this.responses.list(actor, q);
  }

  @Get('callups/:id')
  @ApiOperation({ summary: '指令详情：任务、集合点、截止时间、模式、我的进度、摸排对象' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MyCallupResponse> {
    return this.responses.detail(actor, id);
  }

  @Post('callups/:id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: '接受或拒绝（只能回复一次；截止或结束后不能回复）' })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CallupAnswerDto,
  ): Promise<MyCallupResponse> {
    return this.responses.answer(actor, id, dto);
  }

  @Post('callups/:id/arrive')
  @HttpCode(200)
  @ApiOperation({ summary: '到达签到（接受后）：集合点范围内定位，或扫描现场轮换二维码' })
  arrive(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CallupArriveDto,
  ): Promise<MyCallupResponse> {
    return this.responses.arrive(actor, id, dto);
  }

  @Post('callups/:id/report')
  @HttpCode(200)
  @ApiOperation({ summary: '提交反馈（到达后，一次）：文字、照片；摸排须逐项填写结果。记一次积分' })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CallupReportDto,
  ): Promise<MyCallupResponse> {
    return this.responses.report(actor, id, dto);
  }

  @Get('callups/:id/qr')
  @ApiOperation({ summary: '目标队伍的队长出示集合点轮换二维码' })
  qr(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CallupQrResponse> {
    return this.responses.leaderQr(actor, id);
  }
}
