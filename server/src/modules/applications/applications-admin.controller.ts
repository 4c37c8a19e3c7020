import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApplicationResponse, Page, RevealPiiResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { CriminalCheckDto } from '../volunteers/volunteers.dto.js';
import { ApplicationReviewService } from './application-review.service.js';
import { ApplicationQueryDto, ApplicationRevealDto, RejectApplicationDto } from './applications.dto.js';

@ApiTags('准入审核')
@Controller('admin/applications')
export class ApplicationsAdminController {
  constructor(private readonly review: ApplicationReviewService) {}

  @Get()
  @Authenticated({ permission: 'applications.review' })
  @ApiOperation({ summary: '审核队列（本人范围内；按环节、绿色通道、超时筛选；个人信息脱敏）' })
  list(@CurrentActor() actor: Actor, @Query() q: ApplicationQueryDto): Promise<Page<ApplicationResponse>> {
    return this.review.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ permission: 'applications.review' })
  @ApiOperation({ summary: '申请详情；范围外 404' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ApplicationResponse> {
    return this.review.get(actor, id);
  }

  @Post(':id/criminal-check')
  @HttpCode(200)
  @Authenticated({ permission: 'applications.review' })
  @ApiOperation({ summary: '记录违法犯罪记录核查（核查人、时间、结果）；审批通过前必须记录' })
  criminalCheck(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriminalCheckDto,
  ): Promise<ApplicationResponse> {
    return this.review.recordCriminalCheck(actor, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authenticated({ permission: 'applications.review' })
  @ApiOperation({ summary: '通过当前环节：初审通过转分局审批；分局审批（或绿色通道的唯一一步）通过即成为义警' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ApplicationResponse> {
    return this.review.approve(actor, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ permission: 'applications.review' })
  @ApiOperation({ summary: '不通过（须填原因，申请人可见并可修改后重新提交）' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.review.reject(actor, id, dto.reason);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @Authenticated({ permission: 'pii.reveal' })
  @ApiOperation({ summary: '查看完整身份证号或手机号（记入操作日志）' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ApplicationRevealDto,
  ): Promise<RevealPiiResponse> {
    return this.review.reveal(actor, id, dto.field);
  }
}
