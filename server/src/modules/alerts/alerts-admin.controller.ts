import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AdminAlertPage,
  AdminAlertResponse,
  AdminBulletinPage,
  AdminBulletinResponse,
  AlertTargetsResponse,
  RecipientCountResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { PublishBulletinDto, RecipientCountDto, SendAlertDto } from './alerts.dto.js';
import { AlertsService } from './alerts.service.js';
import { BulletinsService } from './bulletins.service.js';

/** Officers send warnings and publish bulletins within their scope; out of scope every one reads as 404. */
@ApiTags('预警与通报')
@Controller('admin')
@Authenticated({ permission: 'alerts.send' })
export class AlertsAdminController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly bulletins: BulletinsService,
  ) {}

  @Get('alerts/targets')
  @ApiOperation({ summary: '可选的预警对象与通报范围（本单位及下级）' })
  targets(@CurrentActor() actor: Actor): Promise<AlertTargetsResponse> {
    return this.alerts.targets(actor);
  }

  @Post('alerts/recipient-count')
  @HttpCode(200)
  @ApiOperation({ summary: '发送前预览：所选对象会有多少义警收到' })
  count(@CurrentActor() actor: Actor, @Body() dto: RecipientCountDto): Promise<RecipientCountResponse> {
    return this.alerts.count(actor, dto.target);
  }

  @Post('alerts')
  @HttpCode(200)
  @ApiOperation({ summary: '发布预警（紧急预警同时发短信）' })
  send(@CurrentActor() actor: Actor, @Body() dto: SendAlertDto): Promise<AdminAlertResponse> {
    return this.alerts.send(actor, dto);
  }

  @Get('alerts')
  @ApiOperation({ summary: '本单位及下级的预警（已发、已读、推送、短信）' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<AdminAlertPage> {
    return this.alerts.list(actor, q);
  }

  @Get('alerts/:id')
  @ApiOperation({ summary: '预警详情与送达情况' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<AdminAlertResponse> {
    return this.alerts.get(actor, id);
  }

  @Post('bulletins')
  @HttpCode(200)
  @ApiOperation({ summary: '发布治安状况通报与安全防范指导意见' })
  publish(@CurrentActor() actor: Actor, @Body() dto: PublishBulletinDto): Promise<AdminBulletinResponse> {
    return this.bulletins.publish(actor, dto);
  }

  @Get('bulletins')
  @ApiOperation({ summary: '本单位及下级的通报' })
  bulletinList(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<AdminBulletinPage> {
    return this.bulletins.list(actor, q);
  }

  @Get('bulletins/:id')
  @ApiOperation({ summary: '通报详情与各单位阅读情况' })
  bulletin(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<AdminBulletinResponse> {
    return this.bulletins.get(actor, id);
  }
}
