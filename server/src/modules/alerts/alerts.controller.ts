import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyAlertPage, MyAlertResponse, MyBulletinPage, MyBulletinResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { MyAlertsService } from './my-alerts.service.js';

/** A recipient's warnings and bulletins; opening one marks it read. */
@ApiTags('预警与通报')
@Controller('me')
@Authenticated()
export class AlertsController {
  constructor(private readonly mine: MyAlertsService) {}

  @Get('alerts')
  @ApiOperation({ summary: '我的预警（含未读紧急预警数）' })
  alerts(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<MyAlertPage> {
    return this.mine.listAlerts(actor, q);
  }

  @Get('alerts/:id')
  @ApiOperation({ summary: '预警详情（打开即已读）' })
  alert(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MyAlertResponse> {
    return this.mine.alert(actor, id);
  }

  @Post('alerts/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: '标记预警已读' })
  read(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<void> {
    return this.mine.markAlertRead(actor, id);
  }

  @Get('bulletins')
  @ApiOperation({ summary: '我收到的治安状况通报' })
  bulletins(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<MyBulletinPage> {
    return this.mine.listBulletins(actor, q);
  }

  @Get('bulletins/:id')
  @ApiOperation({ summary: '通报详情（打开即已读）' })
  bulletin(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MyBulletinResponse> {
    return this.mine.bulletin(actor, id);
  }
}
