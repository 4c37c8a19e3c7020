import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { TARGET_KEYS, TARGET_NOTE_MAX, type SetTargetRequest, type TargetKey } from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';

export class SetTargetDto implements SetTargetRequest {
  @ApiProperty({ enum: TARGET_KEYS })
  @IsIn(TARGET_KEYS, { message: '请选择目标项' })
  key: TargetKey;

  @ApiProperty({ description: '人数、支数、次数为整数；比例为百分数 0–100（最多一位小数）', example: 80 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '请填写目标值' })
  value: number;

  @ApiProperty({
    nullable: true,
    description: '完成期限 YYYY-MM-DD（北京时间）；长期规则为 null',
    example: '2022-06-30',
  })
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '完成期限的格式应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '完成期限不是有效日期' })
  dueDate: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: TARGET_NOTE_MAX, description: '调整依据（文件、会议）' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trimmed()
  @IsString()
  @MinLength(1, { message: '说明不能只有空格' })
  @MaxChars(TARGET_NOTE_MAX, { message: `说明最多 ${TARGET_NOTE_MAX} 个字` })
  note?: string | null;
}
