import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, MinLength, NotEquals } from 'class-validator';
import {
  LEDGER_ENTRY_TYPES,
  POINTS_ADJUSTMENT_MAX,
  type AdminLedgerQuery,
  type PointsAdjustmentRequest,
  type LedgerEntryType,
  type PointsIssuedQuery,
  type ReverseEntryRequest,
} from '@jianghuai/shared';
import { MaxChars } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class AdminLedgerQueryDto extends PageQueryDto implements AdminLedgerQuery {
  @ApiPropertyOptional({ description: '发放单位（须在本人范围内）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  orgUnitId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) volunteerId?: number;
  @ApiPropertyOptional({ enum: LEDGER_ENTRY_TYPES }) @IsOptional() @IsIn(LEDGER_ENTRY_TYPES) type?: LedgerEntryType;
}

export class PointsIssuedQueryDto implements PointsIssuedQuery {
  // a real Shanghai date (2026-02-30 and 2026-13-45 are refused, not read as another day or a 500)
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  to?: string;
}

export class ReverseEntryDto implements ReverseEntryRequest {
  @ApiProperty({ example: '经核实未实际到岗' })
  @IsString()
  @MinLength(2)
  @MaxChars(200)
  reason: string;
}

export class PointsAdjustmentDto implements PointsAdjustmentRequest {
  @ApiProperty({ example: 12 }) @IsInt() @Min(1) volunteerId: number;

  @ApiProperty({ example: -20, description: '非零整数，正数增加、负数扣减，绝对值不超过 1000' })
  @IsInt()
  @Min(-POINTS_ADJUSTMENT_MAX)
  @Max(POINTS_ADJUSTMENT_MAX)
  @NotEquals(0)
  amount: number;

  @ApiProperty({ example: '补录 11 月 3 日巡逻积分', description: '调整原因，2–100 字' })
  @IsString()
  @Matches(/\S[\s\S]*\S/, { message: '请填写调整原因（至少 2 个字）' })
  @MinLength(2)
  @MaxChars(100)
  reason: string;
}
