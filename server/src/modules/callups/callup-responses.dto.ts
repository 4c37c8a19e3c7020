import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CALLUP_ITEM_NOTE_MAX,
  CALLUP_ITEMS_MAX,
  CALLUP_PHOTOS_MAX,
  CALLUP_REASON_MAX,
  CALLUP_REPORT_MAX,
  SPEED_LEVELS,
  VERIFICATION_RESULTS,
  type CallupAnswerRequest,
  type CallupArriveRequest,
  type CallupItemReport,
  type CallupReportRequest,
  type SpeedLevel,
  type VerificationResult,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';

const FILE_ID = /^[0-9a-f]{32}$/;

export class CallupAnswerDto implements CallupAnswerRequest {
  @ApiProperty({ enum: ['accept', 'decline'], description: '接受或拒绝' })
  @IsIn(['accept', 'decline'])
  answer: 'accept' | 'decline';

  @ApiPropertyOptional({ maxLength: CALLUP_REASON_MAX, description: '拒绝的原因（可不填）' })
  @IsOptional()
  @IsString()
  @Trimmed()
  @MaxChars(CALLUP_REASON_MAX)
  reason?: string;
}

export class CallupArriveDto implements CallupArriveRequest {
  @ApiPropertyOptional({ description: '定位签到：纬度（与经度同时给出）' })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: '定位签到：经度' })
  @IsOptional()
  @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ description: '扫码签到：民警或队长出示的轮换二维码内容' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  token?: string;
}

export class CallupItemReportDto implements CallupItemReport {
  @ApiProperty({ description: '摸排对象编号' })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ enum: VERIFICATION_RESULTS, description: '已找到 / 未找到 / 有变化' })
  @IsIn(VERIFICATION_RESULTS)
  result: VerificationResult;

  @ApiPropertyOptional({ maxLength: CALLUP_ITEM_NOTE_MAX, description: '说明（可不填）' })
  @IsOptional()
  @IsString()
  @Trimmed()
  @MaxChars(CALLUP_ITEM_NOTE_MAX)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: `照片（先以 callup_photo 上传），最多 ${CALLUP_PHOTOS_MAX} 张` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALLUP_PHOTOS_MAX)
  @Matches(FILE_ID, { each: true })
  photoIds?: string[];
}

export class CallupReportDto implements CallupReportRequest {
  @ApiProperty({ maxLength: CALLUP_REPORT_MAX, description: '反馈情况' })
  @IsString()
  @Trimmed()
  @IsNotEmpty()
  @MaxChars(CALLUP_REPORT_MAX)
  text: string;

  @ApiPropertyOptional({ type: [String], description: `照片（先以 callup_photo 上传），最多 ${CALLUP_PHOTOS_MAX} 张` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALLUP_PHOTOS_MAX)
  @Matches(FILE_ID, { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({ type: [CallupItemReportDto], description: '摸排：每个对象一条结果' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALLUP_ITEMS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CallupItemReportDto)
  items?: CallupItemReportDto[];
}

export class CallupSpeedQueryDto {
  @ApiPropertyOptional({ description: '起始日期（上海时间，YYYY-MM-DD，按指令发出日期）；默认 29 天前' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ description: '结束日期（含当天）；默认今天' })
  @IsOptional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @ApiPropertyOptional({ enum: SPEED_LEVELS, default: 'station', description: '按派出所或按分局' })
  @IsOptional()
  @IsIn(SPEED_LEVELS)
  level?: SpeedLevel;
}
