import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoAccount } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { AppException } from '../../common/errors/app-exception.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DEMO_ACCOUNTS } from '../../database/seed/demo-data.js';

@ApiTags('系统')
@Controller('sandbox')
export class SandboxController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('demo-accounts')
  @Public()
  @ApiOperation({ summary: '演示账号（仅在微信沙箱模式下可用；生产环境不存在）' })
  demoAccounts(): DemoAccount[] {
    if (!this.config.wechat.sandbox) throw new AppException('ROUTE_NOT_FOUND', HttpStatus.NOT_FOUND);
    return DEMO_ACCOUNTS;
  }
}
