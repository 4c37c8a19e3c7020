import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ActivityResponse,
  MyActivityResponse,
  MyActivityStatsResponse,
  MySignupResponse,
  Page,
  QrTokenResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { ActivityLifecycleService } from './activity-lifecycle.service.js';
import { ActivityViews } from './activity-views.service.js';
import { CheckinService } from './checkin.service.js';
import { ActivityInputDto, ActivityListQueryDto, MyActivityListQueryDto } from './dto/activity.dto.js';
import { CheckinDto, CheckoutDto } from './dto/signup.dto.js';
import { SignupService } from './signup.service.js';

/** Volunteer-facing routes: browse, sign up, cancel, check in/out, my activities, proposals. */
@ApiTags('义警活动')
@Controller()
export class ActivitiesController {
  constructor(
    private readonly views: ActivityViews,
    private readonly signups: SignupService,
    private readonly checkins: CheckinService,
    private readonly lifecycle: ActivityLifecycleService,
  ) {}

  @Get('activities')
  @Authenticated()
  @ApiOperation({ summary: '可报名的活动（按派出所、类型、日期、距离筛选）' })
  list(@CurrentActor() actor: Actor, @Query() q: ActivityListQueryDto): Promise<Page<ActivityResponse>> {
    return this.views.list(actor, q);
  }

  @Get('activities/:id')
  @Authenticated()
  @ApiOperation({ summary: '活动详情（含我的报名）' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<ActivityResponse> {
    return this.views.detail(actor, id);
  }

  @Get('activities/:id/team-qr')
  @Authenticated()
  @ApiOperation({ summary: '队长出示本队活动的签到二维码（每 30 秒更换）' })
  teamQr(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<QrTokenResponse> {
    return this.checkins.teamLeaderQrToken(actor, id);
  }

  @Post('activities/:id/signup')
  @Authenticated()
  @ApiOperation({ summary: '报名：有名额即成功，满员进入候补（按先后顺序）；民警确认模式为待确认' })
  signUp(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MySignupResponse> {
    return this.signups.signUp(actor, id);
  }

  @Post('activities/:id/signup/cancel')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '取消报名（截止前）；空出的名额自动给候补第一位' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<MySignupResponse> {
    return this.signups.cancel(actor, id);
  }

  @Post('activities/:id/checkin')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '签到：定位（范围+精度）或扫描轮换二维码；重复签到不改变记录' })
  checkIn(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CheckinDto,
  ): Promise<MySignupResponse> {
    return this.checkins.checkIn(actor, id, dto);
  }

  @Post('activities/:id/checkout')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '签退：服务时长为签到至签退与活动时间的重叠部分' })
  checkOut(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CheckoutDto,
  ): Promise<MySignupResponse> {
    return this.checkins.checkOut(actor, id, dto);
  }

  @Get('me/activities')
  @Authenticated()
  @ApiOperation({ summary: '我的活动（报名、候补位置、签到与确认情况；from/to：只看这些日子的活动）' })
  mine(@CurrentActor() actor: Actor, @Query() q: MyActivityListQueryDto): Promise<Page<MyActivityResponse>> {
    return this.views.mine(actor, q);
  }

  @Get('me/activity-stats')
  @Authenticated()
  @ApiOperation({ summary: '我的活动统计（报名、出勤、缺勤、服务时长）' })
  stats(@CurrentActor() actor: Actor): Promise<MyActivityStatsResponse> {
    return this.views.stats(actor);
  }

  @Post('activity-proposals')
  @Authenticated()
  @ApiOperation({ summary: '提议活动（保安从业单位或义警），由派出所审核发布' })
  propose(@CurrentActor() actor: Actor, @Body() dto: ActivityInputDto): Promise<ActivityResponse> {
    return this.lifecycle.propose(actor, dto);
  }

  @Get('me/activity-proposals')
  @Authenticated()
  @ApiOperation({ summary: '我提议的活动' })
  myProposals(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<ActivityResponse>> {
    return this.views.myProposals(actor, q);
  }
}
