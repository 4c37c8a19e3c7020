import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ALERT_LEVELS,
  ALERT_RADIUS_MAX_M,
  ALERT_RADIUS_MIN_M,
  ALERT_TARGET_KINDS,
  ALERT_TEXT_MAX,
  ALERT_TITLE_MAX,
  BULLETIN_MAX_IMAGES,
  BULLETIN_TEXT_MAX,
  type AlertLevel,
  type AlertTargetKind,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';

export class AlertTargetDto {
  @ApiProperty({ enum: ALERT_TARGET_KINDS, description: '预警对象：派出所、社区、队伍或地点周边' })
  @IsIn(ALERT_TARGET_KINDS)
  kind: AlertTargetKind;

  @ApiPropertyOptional({ description: '派出所、社区或队伍的编号（地点周边不填）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;

  @ApiPropertyOptional({ description: '地点纬度（GCJ-02）' })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: '地点经度（GCJ-02）' })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;

  @ApiPropertyOptional({ description: '范围半径（米）', minimum: ALERT_RADIUS_MIN_M, maximum: ALERT_RADIUS_MAX_M })
  @IsOptional()
  @IsInt()
  @Min(ALERT_RADIUS_MIN_M)
  @Max(ALERT_RADIUS_MAX_M)
  radiusM?: number;
}

export class RecipientCountDto {
  @ApiProperty({ type: AlertTargetDto })
  @ValidateNested()
  @Type(() => AlertTargetDto)
  target: AlertTargetDto;
}

export class SendAlertDto extends RecipientCountDto {
  @ApiPropertyOptional({
    description: '手机端为每条预警生成一次的请求号；重复提交（如网络中断后重试）返回同一条预警，不会再发一次',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId?: string;

  @ApiProperty({ description: '标题', maxLength: ALERT_TITLE_MAX })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(ALERT_TITLE_MAX)
  title: string;

  @ApiProperty({ description: '预警内容', maxLength: ALERT_TEXT_MAX })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(ALERT_TEXT_MAX)
  text: string;

  @ApiProperty({ enum: ALERT_LEVELS, description: '级别：一般 / 紧急（紧急的另发短信）' })
  @IsIn(ALERT_LEVELS)
  level: AlertLevel;
}

export class PublishBulletinDto {
  @ApiProperty({ description: '标题', maxLength: ALERT_TITLE_MAX })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(ALERT_TITLE_MAX)
  title: string;

  @ApiProperty({ description: '治安状况通报', maxLength: BULLETIN_TEXT_MAX })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(BULLETIN_TEXT_MAX)
  text: string;

  @ApiProperty({ description: '安全防范指导意见', maxLength: BULLETIN_TEXT_MAX })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(BULLETIN_TEXT_MAX)
  advice: string;

  @ApiProperty({ description: '通报范围：本单位或下级的派出所、分局或市局' })
  @IsInt()
  @Min(1)
  areaId: number;

  @ApiPropertyOptional({ type: [String], description: '图片（先上传，purpose=bulletin_image），最多 6 张' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BULLETIN_MAX_IMAGES)
  @IsString({ each: true })
  @Matches(/^[0-9a-f]{32}$/, { each: true })
  imageIds?: string[];
}
