import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminTipPage,
  AdminTipResponse,
  GradeTipResponse,
  TipGradeTable,
  TipMessageResponse,
  TipSubmitterReveal,
} from '@jianghuai/shared';
import { tipsConfig, type TipsConfig } from '../../config/tips.config.js';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import {
  AdminTipQueryDto,
  AssignTipDto,
  CloseTipDto,
  DuplicateTipDto,
  GradeTipDto,
  RejectTipDto,
  TipMessageDto,
} from './tips.dto.js';
import { TipGradingService } from './tip-grading.service.js';
import { TipsAdminService } from './tips-admin.service.js';

/** The responsible chain's handling of tips; out of the chain every tip reads as 404. */
@ApiTags('情报线索')
@Controller('admin/tips')
@Authenticated({ permission: 'tips.handle' })
export class TipsAdminController {
  constructor(
    private readonly tips: TipsAdminService,
    private readonly grading: TipGradingService,
    @Inject(tipsConfig.KEY) private readonly config: TipsConfig,
  ) {}

  @Get('grades')
  @ApiOperation({ summary: '线索评级表（等级与积分）和每人每月线索积分上限' })
  grades(): TipGradeTable {
    const grades = Object.entries(this.config.grades)
      .map(([grade, points]) => ({ grade, points }))
      .sort((a, b) => b.points - a.points || a.grade.localeCompare(b.grade));
    return { grades, monthlyCap: this.config.monthlyPointsCap };
  }

  @Get()
  @ApiOperation({ summary: '线索列表（本单位及下级负责的、指派给本单位或本人的）' })
  list(@CurrentActor() actor: Actor, @Query() q: AdminTipQueryDto): Promise<AdminTipPage> {
    return this.tips.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '线索详情（提交人已脱敏）' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<AdminTipResponse> {
    return this.tips.get(actor, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '受理' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<AdminTipResponse> {
    return this.tips.accept(actor, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '指派给责任链上的单位或民警' })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: AssignTipDto,
  ): Promise<AdminTipResponse> {
    return this.tips.assign(actor, id, dto);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '开始处理' })
  start(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<AdminTipResponse> {
    return this.tips.start(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: '办结（处理结果义警可见）' })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: CloseTipDto,
  ): Promise<AdminTipResponse> {
    return this.tips.close(actor, id, dto.result);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: '不予采纳（附原因）' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: RejectTipDto,
  ): Promise<AdminTipResponse> {
    return this.tips.reject(actor, id, dto.reason);
  }

  @Post(':id/duplicate')
  @HttpCode(200)
  @ApiOperation({ summary: '标记为重复线索（关联同一派出所的原始线索）' })
  duplicate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DuplicateTipDto,
  ): Promise<AdminTipResponse> {
    return this.tips.duplicate(actor, id, dto.originalId);
  }

  @Post(':id/reveal-submitter')
  @HttpCode(200)
  @ApiOperation({ summary: '查看提交人完整身份（记入审计）' })
  reveal(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<TipSubmitterReveal> {
    return this.tips.revealSubmitter(actor, id);
  }

  @Post(':id/grade')
  @HttpCode(200)
  @ApiOperation({ summary: '给已办结线索评级并奖励积分（受每月上限约束）；grade 为 null 撤销评级' })
  grade(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: GradeTipDto,
  ): Promise<GradeTipResponse> {
    return this.grading.grade(actor, id, dto.grade);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: '线索留言（含内部备注）' })
  messages(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<TipMessageResponse[]> {
    return this.tips.messages(actor, id);
  }

  @Post(':id/messages')
  @HttpCode(200)
  @ApiOperation({ summary: '回复义警或写内部备注' })
  post(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: TipMessageDto,
  ): Promise<TipMessageResponse[]> {
    return this.tips.postMessage(actor, id, dto);
  }
}
