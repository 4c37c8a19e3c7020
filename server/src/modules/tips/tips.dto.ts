import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  TIP_CATEGORIES,
  TIP_MAX_PHOTOS,
  TIP_STATUSES,
  TIP_URGENCIES,
  type TipCategory,
  type TipStatus,
  type TipUrgency,
} from '@jianghuai/shared';
import { PlaceDto } from '../../common/dto/place.dto.js';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class SubmitTipDto {
  @ApiProperty({ description: '手机端为每条线索生成一次的请求号；重复提交返回同一条线索', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId: string;

  @ApiProperty({ enum: TIP_CATEGORIES, description: '线索类别' })
  @IsIn(TIP_CATEGORIES)
  category: TipCategory;

  @ApiProperty({ description: '线索内容', maxLength: 2000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(2000)
  text: string;

  @ApiPropertyOptional({ description: '发生时间（默认现在）', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ type: PlaceDto, nullable: true, description: '地点（可不填）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  place?: PlaceDto | null;

  @ApiPropertyOptional({ type: [String], description: `照片（先以 tip_photo 上传），最多 ${TIP_MAX_PHOTOS} 张` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TIP_MAX_PHOTOS)
  @Matches(/^[0-9a-f]{32}$/, { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({ enum: TIP_URGENCIES, default: 'normal', description: '紧急程度' })
  @IsOptional()
  @IsIn(TIP_URGENCIES)
  urgency?: TipUrgency;
}

export class AdminTipQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TIP_STATUSES })
  @IsOptional()
  @IsIn(TIP_STATUSES)
  status?: TipStatus;

  @ApiPropertyOptional({ enum: TIP_CATEGORIES })
  @IsOptional()
  @IsIn(TIP_CATEGORIES)
  category?: TipCategory;

  @ApiPropertyOptional({ enum: TIP_URGENCIES })
  @IsOptional()
  @IsIn(TIP_URGENCIES)
  urgency?: TipUrgency;

  @ApiPropertyOptional({ description: '提交日期起（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '提交日期止（含，YYYY-MM-DD，北京时间）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: '责任派出所' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  stationId?: number;
}

export class AssignTipDto {
  @ApiPropertyOptional({ description: '指派给单位（本线索的派出所、其社区或其上级）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiPropertyOptional({ description: '指派给民警（上述单位的民警）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  userId?: number;
}

export class CloseTipDto {
  @ApiProperty({ description: '处理结果（义警可见）', maxLength: 1000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(1000)
  result: string;
}

export class RejectTipDto {
  @ApiProperty({ description: '不予采纳的原因（义警可见）', maxLength: 500 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(500)
  reason: string;
}

export class DuplicateTipDto {
  @ApiProperty({ description: '原始线索编号' })
  @IsInt()
  @Min(1)
  originalId: number;
}

export class MyTipMessageDto {
  @ApiProperty({ description: '留言内容', maxLength: 1000 })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(1000)
  text: string;
}

export class TipMessageDto extends MyTipMessageDto {
  @ApiPropertyOptional({ description: '内部备注（仅民警可见）', default: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class GradeTipDto {
  @ApiProperty({
    description: '评级（TIP_GRADES 中的一个字母，如 A），null 表示撤销评级',
    nullable: true,
    example: 'A',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @Matches(/^[A-Z]$/, { message: '评级是一个大写字母' })
  grade: string | null;
}
