import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  SIGNUP_STATUSES,
  type AttendanceItem,
  type CheckinMethod,
  type CheckinRequest,
  type CheckoutRequest,
  type ConfirmAttendanceRequest,
  type ReviewSignupsRequest,
  type SignupListQuery,
  type SignupStatus,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../../common/pagination.js';

export class SignupListQueryDto extends PageQueryDto implements SignupListQuery {
  @ApiPropertyOptional({ enum: SIGNUP_STATUSES })
  @IsOptional()
  @IsIn(SIGNUP_STATUSES)
  status?: SignupStatus;
}

export class ReviewSignupsDto implements ReviewSignupsRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  signupIds: number[];

  @ApiProperty({ enum: ['confirm', 'reject'] })
  @IsIn(['confirm', 'reject'])
  decision: 'confirm' | 'reject';
}

export class CheckinDto implements CheckinRequest {
  @ApiProperty({ enum: ['location', 'qr'] })
  @IsIn(['location', 'qr'])
  method: CheckinMethod;

  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) lng?: number;
  @ApiPropertyOptional({ description: '手机报告的定位精度（米）' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100000)
  accuracy?: number;

  @ApiPropertyOptional({ description: '扫码得到的签到码' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

export class CheckoutDto implements CheckoutRequest {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(-180) @Max(180) lng?: number;
}

export class AttendanceItemDto implements AttendanceItem {
  @ApiProperty() @IsInt() @Min(1) signupId: number;
  @ApiProperty() @IsBoolean() present: boolean;

  @ApiPropertyOptional({ description: '人工补录时长（分钟），与签到时长分开记录并标注' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  manualMinutes?: number;

  @ApiPropertyOptional({ description: '补录说明' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  manualNote?: string;

  @ApiPropertyOptional({ description: '已签到未签退：按签到至活动结束计时（与自动签退相同，并标注待复核）' })
  @IsOptional()
  @IsBoolean()
  checkoutAtEnd?: boolean;
}

export class ConfirmAttendanceDto implements ConfirmAttendanceRequest {
  @ApiProperty({ type: [AttendanceItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceItemDto)
  items: AttendanceItemDto[];
}
