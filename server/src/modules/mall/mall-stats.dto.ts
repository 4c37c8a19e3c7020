import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period of the mall statistics, Shanghai dates, both days included; default this month up to today. */
export class MallStatsQueryDto {
  @ApiPropertyOptional({ description: '开始日期（上海时间，含当天；默认本月 1 日）', example: '2026-11-01' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '结束日期（上海时间，含当天；默认今天）', example: '2026-11-30' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  to?: string;
}
