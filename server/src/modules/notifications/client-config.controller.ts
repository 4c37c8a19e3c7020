import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NOTIFICATION_TEMPLATE_KEYS, type ClientConfigResponse, type NotificationTemplate } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { wechatTemplateId } from './templates.js';
import { ENROLMENT_CONFIG, type EnrolmentConfig } from '../applications/enrolment-config.js';

@ApiTags('系统')
@Controller('client-config')
export class ClientConfigController {
  constructor(@Inject(ENROLMENT_CONFIG) private readonly enrolment: EnrolmentConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '小程序启动时读取的配置：订阅消息模板 ID（与服务器发送时使用的相同）、申请年龄范围' })
  get(): ClientConfigResponse {
    const subscribeTemplates = Object.fromEntries(
      NOTIFICATION_TEMPLATE_KEYS.map((key) => [key, wechatTemplateId(key)]),
    ) as Record<NotificationTemplate, string>;
    // the same bounds the server checks on submit, so the form can say so at the ID step
    return { subscribeTemplates, applicantAge: { min: this.enrolment.minAge, max: this.enrolment.maxAge } };
  }
}
