import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoAccount } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { AppException } from '../../common/errors/app-exception.js';
import { wechatConfig, type WechatConfig } from '../../config/wechat.config.js';
import { DEMO_ACCOUNTS } from '../../database/seed/demo-data.js';

@ApiTags('系统')
@Controller('sandbox')
export class SandboxController {
  constructor(@Inject(wechatConfig.KEY) private readonly wechat: WechatConfig) {}

  @Get('demo-accounts')
  @Public()
  @ApiOperation({ summary: '演示账号（仅在微信沙箱模式下可用；生产环境不存在）' })
  demoAccounts(): DemoAccount[] {
    if (!this.wechat.sandbox) throw new AppException('ROUTE_NOT_FOUND');
    return DEMO_ACCOUNTS;
  }
}
