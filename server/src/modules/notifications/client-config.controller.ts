import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_TEMPLATE_KEYS, type ClientConfigResponse, type NotificationTemplate } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { wechatTemplateId } from './templates.js';

@ApiTags('系统')
@Controller('client-config')
export class ClientConfigController {
  @Get()
  @Public()
  @ApiOperation({ summary: '小程序启动时读取的配置：订阅消息模板 ID（与服务器发送时使用的相同）' })
  get(): ClientConfigResponse {
    const subscribeTemplates = Object.fromEntries(NOTIFICATION_TEMPLATE_KEYS.map((key) => [key, wechatTemplateId(key)])) as Record<NotificationTemplate, string>;
    return { subscribeTemplates };
  }
}
