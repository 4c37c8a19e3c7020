import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  CallupDrawResponse,
  CallupPage,
  CallupPlanPage,
  CallupPlanResponse,
  CallupPreviewResponse,
  CallupResponse,
  DrawInboxPage,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { CallupDrawsService } from './callup-draws.service.js';
import { CallupPlansService } from './callup-plans.service.js';
import { CallupViews } from './callup-views.js';
import {
  CallupListQueryDto,
  CallupPlanDto,
  CallupPreviewDto,
  CreateCallupDto,
  CreateDrawDto,
  DecideDrawDto,
  LaunchPlanDto,
} from './callups-admin.dto.js';
import { CallupsService } from './callups.service.js';

/** Officers send, follow and close call-ups, keep response plans and ask other branches for people; scoped (404). */
@ApiTags('调度指令')
@Controller('admin')
export class CallupsAdminController {
  constructor(
    private readonly callups: CallupsService,
    private readonly views: CallupViews,
    private readonly plans: CallupPlansService,
    private readonly draws: CallupDrawsService,
  ) {}

  @Post('callups/preview')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '发送前预览：符合条件的人数、无法推送的人数、调度模式和战时状态' })
  preview(@CurrentActor() actor: Actor, @Body() dto: CallupPreviewDto): Promise<CallupPreviewResponse> {
    return this.callups.preview(actor, dto);
  }

  @Post('callups')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '发送调度指令（同一请求号重复提交返回同一条）' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCallupDto): Promise<CallupResponse> {
    return this.callups.create(actor, dto);
  }

  @Get('callups')
  @Authenticated({ permission: 'callups.read' })
  @ApiOperation({ summary: '本单位及下级发出的调度指令' })
  list(@CurrentActor() actor: Actor, @Query() q: CallupListQueryDto): Promise<CallupPage> {
    return this.views.list(actor, q);
  }

  @Get('callups/:id')
  @Authenticated({ permission: 'callups.read' })
  @ApiOperation({ summary: '调度指令详情（含跨区抽调的状态）' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CallupResponse> {
    return this.views.detail(actor, id);
  }

  @Post('callups/:id/close')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '结束调度指令' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CallupResponse> {
    return this.callups.close(actor, id);
  }

  @Post('callups/:id/draws')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '向其他分局申请抽调义警（从其人才库按技能、层级挑选）' })
  requestDraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CreateDrawDto,
  ): Promise<CallupDrawResponse> {
    return this.draws.request(actor, id, dto);
  }

  @Get('callup-draws')
  @Authenticated({ permission: 'callups.draw' })
  @ApiOperation({ summary: '待本分局处理的抽调申请' })
  drawInbox(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<DrawInboxPage> {
    return this.draws.inbox(actor, q);
  }

  @Post('callup-draws/:id/decide')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.draw' })
  @ApiOperation({ summary: '同意或拒绝抽调（拒绝须写原因；只能处理一次）' })
  decideDraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DecideDrawDto,
  ): Promise<CallupDrawResponse> {
    return this.draws.decide(actor, id, dto);
  }

  @Get('callup-plans')
  @Authenticated({ permission: 'callups.read' })
  @ApiOperation({ summary: '本单位及下级的调度预案' })
  planList(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<CallupPlanPage> {
    return this.plans.list(actor, q);
  }

  @Post('callup-plans')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '新建调度预案（归本单位）' })
  planCreate(@CurrentActor() actor: Actor, @Body() dto: CallupPlanDto): Promise<CallupPlanResponse> {
    return this.plans.create(actor, dto);
  }

  @Get('callup-plans/:id')
  @Authenticated({ permission: 'callups.read' })
  @ApiOperation({ summary: '调度预案详情' })
  plan(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CallupPlanResponse> {
    return this.plans.get(actor, id);
  }

  @Put('callup-plans/:id')
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '修改调度预案' })
  planUpdate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CallupPlanDto,
  ): Promise<CallupPlanResponse> {
    return this.plans.update(actor, id, dto);
  }

  @Delete('callup-plans/:id')
  @HttpCode(204)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '删除调度预案' })
  planDelete(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<void> {
    return this.plans.remove(actor, id);
  }

  @Post('callup-plans/:id/launch')
  @HttpCode(200)
  @Authenticated({ permission: 'callups.send' })
  @ApiOperation({ summary: '一键启动预案（可先修改部分内容）' })
  launch(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: LaunchPlanDto,
  ): Promise<CallupResponse> {
    return this.plans.launch(actor, id, dto);
  }
}
