import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { DemoAccount } from '@jianghuai/shared';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator.js';
import { AppException } from '../../common/errors/app-exception.js';
import { paymentsConfig, type PaymentsConfig } from '../../config/payments.config.js';
import { wechatConfig, type WechatConfig } from '../../config/wechat.config.js';
import { DEMO_ACCOUNTS } from '../../database/seed/demo-data.js';

export class SandboxPayDto {
  @ApiProperty({ description: '商户订单号（发起支付时返回的 outTradeNo）', maxLength: 32 })
  @Matches(/^[A-Za-z0-9_*|-]{6,32}$/)
  outTradeNo: string;
}

const SANDBOX_TIMEOUT_MS = 10_000;

@ApiTags('系统')
@Controller('sandbox')
export class SandboxController {
  constructor(
    @Inject(wechatConfig.KEY) private readonly wechat: WechatConfig,
    @Inject(paymentsConfig.KEY) private readonly payments: PaymentsConfig,
  ) {}

  @Get('demo-accounts')
  @Public()
  @ApiOperation({ summary: '演示账号（仅在微信沙箱模式下可用；生产环境不存在）' })
  demoAccounts(): DemoAccount[] {
    if (!this.wechat.sandbox) throw new AppException('ROUTE_NOT_FOUND');
    return DEMO_ACCOUNTS;
  }

  /**
   * The H5 demo's stand-in for paying in WeChat: asks the WeChat Pay sandbox to mark the transaction paid, which then
   * notifies this server as WeChat Pay would. The browser cannot reach the sandbox itself (another port), so this passes
   * the one call on. Only with the sandbox on (refused in production, where this answers 404).
   */
  @Post('pay')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '演示环境：模拟在微信里完成支付（仅微信沙箱模式；生产环境不存在）' })
  async pay(@Body() dto: SandboxPayDto): Promise<{ ok: true }> {
    if (!this.wechat.sandbox || !this.payments.apiBase) throw new AppException('ROUTE_NOT_FOUND');
    let res: Response;
    try {
      res = await fetch(`${this.payments.apiBase}/__sandbox/pay/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ outTradeNo: dto.outTradeNo }),
        signal: AbortSignal.timeout(SANDBOX_TIMEOUT_MS),
      });
    } catch {
      throw new AppException('WECHAT_UNAVAILABLE');
    }
    if (res.status === 404) throw AppException.notFound();
    if (!res.ok) throw new AppException('WECHAT_UNAVAILABLE');
    // `{ error }`: the transaction is no longer unpaid (paid already, or closed)
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    if (!body || body.error) throw new AppException('CONFLICT');
    return { ok: true };
  }
}
