import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { RosterQuery } from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { toBool } from '../../common/http/query-transforms.js';

export class RosterQueryDto extends PageQueryDto implements RosterQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  companyId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  certified?: boolean;

  @ApiPropertyOptional({ description: '是否已成为义警' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  joined?: boolean;

  @ApiPropertyOptional({ description: '姓名包含' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;
}
