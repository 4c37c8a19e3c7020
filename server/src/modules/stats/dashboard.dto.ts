import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DashboardQuery } from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';

/** A unit in the viewer's scope (default their own) and a page. */
export class DashboardQueryDto extends PageQueryDto implements DashboardQuery {
  @ApiPropertyOptional({ description: '本单位或下级单位 id（默认本单位）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  unitId?: number;
}
