import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { RefreshRequest, StaffLoginRequest, WechatBindStaffRequest, WechatLoginRequest } from '@jianghuai/shared';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login() 返回的 code', example: 'sandbox-zhangwei' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class WechatBindStaffDto implements WechatBindStaffRequest {
  @ApiProperty({ description: '手机号快速验证组件（getPhoneNumber）返回的 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  phoneCode: string;
}

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty({ example: 'pinghu_station' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Jhyj@2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  refreshToken: string;
}
