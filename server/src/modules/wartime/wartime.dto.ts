import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { CALLUP_REASON_MAX } from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class DeclareWartimeDto {
  @ApiProperty({ description: '战时区域：分局、派出所或社区（分局只能选本辖区，市局可选任意区域）' })
  @IsInt()
  @Min(1)
  areaId: number;

  @ApiProperty({ description: '开始时间（ISO 8601）' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ description: '结束时间（ISO 8601），晚于开始，最长 30 天' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ description: '启动战时状态的原因', maxLength: CALLUP_REASON_MAX })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_REASON_MAX)
  reason: string;
}

export class EndWartimeDto {
  @ApiProperty({ description: '提前结束的原因', maxLength: CALLUP_REASON_MAX })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_REASON_MAX)
  reason: string;
}

export class WartimeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true：只看正在生效的' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
