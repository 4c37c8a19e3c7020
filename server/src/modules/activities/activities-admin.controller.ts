import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type {
  ActivityPlacesResponse,
  ActivityResponse,
  ConfirmAttendanceResponse,
  Page,
  QrTokenResponse,
  ReviewSignupsResponse,
  SignupAdminResponse,
  WeeklyRuleResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ActivityLifecycleService } from './activity-lifecycle.service.js';
import { ActivityViews } from './activity-views.service.js';
import { AttendanceService } from './attendance.service.js';
import { CheckinService } from './checkin.service.js';
import {
  ActivityInputDto,
  ActivityPlaceQueryDto,
  AdminActivityListQueryDto,
  ReasonDto,
  UpdateActivityDto,
} from './dto/activity.dto.js';
import { ActivityPlaces } from './activity-places.service.js';
import { ConfirmAttendanceDto, ReviewSignupsDto, SignupListQueryDto } from './dto/signup.dto.js';
import { SignupService } from './signup.service.js';
import { WeeklyRuleService } from './weekly-rule.service.js';

class WeeklyRuleQueryDto {
  @ApiPropertyOptional({ example: '2026-W48' })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/)
  week?: string;
}

/** Staff routes; every one is limited to the caller's org subtree (out of scope = 404). */
@ApiTags('义警活动管理')
@Controller('admin')
export class ActivitiesAdminController {
  constructor(
    private readonly views: ActivityViews,
    private readonly lifecycle: ActivityLifecycleService,
    private readonly signups: SignupService,
    private readonly checkins: CheckinService,
    private readonly attendance: AttendanceService,
    private readonly weekly: WeeklyRuleService,
    private readonly places: ActivityPlaces,
  ) {}

  @Get('activities')
  @Authenticated({ permission: 'activity.read' })
  @ApiOperation({ summary: '本单位及下级的活动（含提议待审：proposal=pending）' })
  list(@CurrentActor() actor: Actor, @Query() q: AdminActivityListQueryDto): Promise<Page<ActivityResponse>> {
    return this.views.adminList(actor, q);
  }

  @Post('activities')
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '新建活动（草稿）' })
  create(@CurrentActor() actor: Actor, @Body() dto: ActivityInputDto): Promise<ActivityResponse> {
    return this.lifecycle.create(actor, dto);
  }

  @Get('activities/:id')
  @Authenticated({ permission: 'activity.read' })
  @ApiOperation({ summary: '活动详情' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ActivityResponse> {
    return this.views.adminDetail(actor, id);
  }

  @Put('activities/:id')
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '修改活动（草稿或报名中）；时间地点变动通知已报名者' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateActivityDto,
  ): Promise<ActivityResponse> {
    return this.lifecycle.update(actor, id, dto);
  }

  @Post('activities/:id/publish')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '发布（战时积分 ×2）' })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ActivityResponse> {
    return this.lifecycle.publish(actor, id);
  }

  @Post('activities/:id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '取消活动并通知所有已报名者' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReasonDto,
  ): Promise<ActivityResponse> {
    return this.lifecycle.cancel(actor, id, dto.reason);
  }

  @Post('activities/:id/settle')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '结算：出勤全部确认后关闭；未签到者记为缺勤' })
  settle(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ActivityResponse> {
    return this.lifecycle.settle(actor, id);
  }

  @Post('activities/:id/approve-proposal')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '通过提议并发布（积分按比例下调，默认 ×0.8）' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ActivityResponse> {
    return this.lifecycle.approveProposal(actor, id);
  }

  @Post('activities/:id/reject-proposal')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '退回提议' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReasonDto,
  ): Promise<ActivityResponse> {
    return this.lifecycle.rejectProposal(actor, id, dto.reason);
  }

  @Get('activities/:id/signups')
  @Authenticated({ permission: 'activity.read' })
  @ApiOperation({ summary: '报名名单（候补按先后顺序）' })
  signupList(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() q: SignupListQueryDto,
  ): Promise<Page<SignupAdminResponse>> {
    return this.views.signups(actor, id, q);
  }

  @Post('activities/:id/signups/review')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.attendance' })
  @ApiOperation({ summary: '民警确认模式：批量确认（不超名额）或不通过' })
  review(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReviewSignupsDto,
  ): Promise<ReviewSignupsResponse> {
    return this.signups.review(actor, id, dto.signupIds, dto.decision);
  }

  @Get('activities/:id/qr')
  @Authenticated({ permission: 'activity.attendance' })
  @ApiOperation({ summary: '签到二维码（每 30 秒更换）' })
  qr(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<QrTokenResponse> {
    return this.checkins.qrToken(actor, id);
  }

  @Post('activities/:id/attendance')
  @HttpCode(200)
  @Authenticated({ permission: 'activity.attendance' })
  @ApiOperation({ summary: '批量确认出勤：积分只记一次，时长锁定；补录时长单独标注' })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ConfirmAttendanceDto,
  ): Promise<ConfirmAttendanceResponse> {
    return this.attendance.confirm(actor, id, dto.items);
  }

  @Get('activity-weekly-rule')
  @Authenticated({ permission: 'activity.read' })
  @ApiOperation({ summary: '每周巡防规则：本周未开展巡逻防范活动的派出所' })
  weeklyRule(@CurrentActor() actor: Actor, @Query() q: WeeklyRuleQueryDto): Promise<WeeklyRuleResponse> {
    return this.weekly.compute(actor, q.week);
  }

  @Get('activity-places')
  @Authenticated({ permission: 'activity.manage' })
  @ApiOperation({ summary: '活动地点候选：辖区内有坐标的派出所、社区、驻勤点和以往活动地点（至多 20 个）' })
  placeSearch(@CurrentActor() actor: Actor, @Query() q: ActivityPlaceQueryDto): Promise<ActivityPlacesResponse> {
    return this.places.search(actor, q.q);
  }
}
