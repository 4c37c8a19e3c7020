import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import type { NotificationResponse, Page, UnreadCountResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { NotificationsService } from './notifications.service.js';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './templates.js';

const TEMPLATE_KEYS = Object.keys(NOTIFICATION_TEMPLATES);

class ConsentDto {
  @ApiProperty({ enum: TEMPLATE_KEYS, isArray: true, description: 'wx.requestSubscribeMessage 中用户选择“允许”的模板' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsIn(TEMPLATE_KEYS, { each: true })
  templates: NotificationTemplate[];
}

@ApiTags('消息')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('messages')
  @Authenticated()
  @ApiOperation({ summary: '我的消息（站内信）' })
  list(
    @CurrentActor() actor: Actor,
    @Query() q: PageQueryDto,
  ): Promise<Page<NotificationResponse> & { unread: number }> {
    return this.notifications.list(actor.userId, q);
  }

  @Get('messages/unread-count')
  @Authenticated()
  @ApiOperation({ summary: '未读消息数（首页“消息”角标）' })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.unreadCount(actor.userId) };
  }

  @Post('messages/:id/read')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: '标记已读' })
  async read(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<void> {
    await this.notifications.markRead(actor.userId, id);
  }

  @Post('subscriptions')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: '记录订阅消息授权（一次性模板每次授权可推送一条）' })
  async consent(@CurrentActor() actor: Actor, @Body() dto: ConsentDto): Promise<void> {
    await this.notifications.recordConsents(actor.userId, dto.templates);
  }
}
