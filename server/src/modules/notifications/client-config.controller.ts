import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClientConfigResponse } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { notificationsConfig, type NotificationsConfig } from '../../config/notifications.config.js';

@ApiTags('系统')
@Controller('client-config')
export class ClientConfigController {
  constructor(
    @Inject(enrolmentConfig.KEY) private readonly enrolment: EnrolmentConfig,
    @Inject(notificationsConfig.KEY) private readonly notifications: NotificationsConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '小程序启动时读取的配置：订阅消息模板 ID（与服务器发送时使用的相同）、申请年龄范围' })
  get(): ClientConfigResponse {
    const subscribeTemplates = { ...this.notifications.templateIds };
    // the same bounds the server checks on submit, so the form can say so at the ID step
    return { subscribeTemplates, applicantAge: { min: this.enrolment.minAge, max: this.enrolment.maxAge } };
  }
}
