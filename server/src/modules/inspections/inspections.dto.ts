import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  INSPECTION_ITEM_RESULTS,
  INSPECTION_MAX_INSPECTORS,
  INSPECTION_MAX_ITEMS,
  INSPECTION_MAX_PHOTOS,
  INSPECTION_STATUSES,
  type InspectionItemResult,
  type InspectionStatus,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class InspectionItemDto {
  @ApiProperty({ description: '检查项目', maxLength: 50 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(50)
  item: string;

  @ApiProperty({ enum: INSPECTION_ITEM_RESULTS, description: 'ok 合格 / problem 有问题' })
  @IsIn(INSPECTION_ITEM_RESULTS)
  result: InspectionItemResult;

  @ApiPropertyOptional({ description: '说明', maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxChars(200)
  note?: string | null;
}

export class RecordInspectionDto {
  @ApiProperty({ description: '被检查单位' })
  @IsInt()
  @Min(1)
  companyId: number;

  @ApiProperty({ description: '检查日期 YYYY-MM-DD（不晚于今天）' })
  @IsString()
  @Matches(DATE)
  inspectedOn: string;

  @ApiProperty({ type: [String], description: '检查人员姓名', maxItems: INSPECTION_MAX_INSPECTORS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INSPECTION_MAX_INSPECTORS)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxChars(32, { each: true })
  inspectors: string[];

  @ApiProperty({ type: [InspectionItemDto], description: '检查项目及结果', maxItems: INSPECTION_MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INSPECTION_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => InspectionItemDto)
  items: InspectionItemDto[];

  @ApiPropertyOptional({ description: '发现的问题', maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxChars(2000)
  findings?: string | null;

  @ApiPropertyOptional({ description: '整改期限 YYYY-MM-DD（有问题时必填）', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(DATE)
  rectifyBy?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: `照片（先以 inspection_photo 上传），最多 ${INSPECTION_MAX_PHOTOS} 张`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INSPECTION_MAX_PHOTOS)
  @Matches(/^[0-9a-f]{32}$/, { each: true })
  photoIds?: string[];
}

export class RectifyInspectionDto {
  @ApiProperty({ description: '整改完成日期 YYYY-MM-DD' })
  @IsString()
  @Matches(DATE)
  rectifiedOn: string;

  @ApiProperty({ description: '整改情况', maxLength: 500 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(500)
  note: string;
}

export class ConfirmInspectionDto {
  @ApiProperty({ description: '单位确认整改的说明', maxLength: 500 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(500)
  note: string;
}

export class InspectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional({ description: '只看逾期未整改（1）', enum: ['1'] })
  @IsOptional()
  @IsIn(['1'])
  overdue?: '1';

  @ApiPropertyOptional({ description: '被检查单位' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  companyId?: number;
}
