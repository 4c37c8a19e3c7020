import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor, Public } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { LoginRateLimitGuard } from '../../common/auth/rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { RefreshDto, StaffLoginDto, WechatBindStaffDto, WechatLoginDto } from './auth.dto.js';

@ApiTags('登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat/login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @ApiOperation({ summary: '微信登录（wx.login code → code2Session）' })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('staff/login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @ApiOperation({ summary: '工作人员账号密码登录（H5 / 电脑端）' })
  staffLogin(@Body() dto: StaffLoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.staffLogin(dto.username, dto.password, ip);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @ApiOperation({ summary: '刷新登录（轮换刷新令牌；重复使用旧令牌会注销整个登录）' })
  refresh(@Body() dto: RefreshDto): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: '退出登录（吊销该刷新令牌所在的整个登录）' })
  async logout(@CurrentActor() actor: Actor, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(actor, dto.refreshToken);
  }

  @Post('wechat/bind-staff')
  @HttpCode(200)
  @Authenticated()
  @UseGuards(LoginRateLimitGuard)
  @ApiOperation({ summary: '工作人员通过验证预留手机号绑定微信' })
  bindStaff(@CurrentActor() actor: Actor, @Body() dto: WechatBindStaffDto): Promise<LoginResponse> {
    return this.auth.bindStaff(actor, dto.phoneCode);
  }
}
