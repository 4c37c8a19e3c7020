import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import {
  LEDGER_ENTRY_TYPES,
  type AdminLedgerQuery,
  type LedgerEntryType,
  type PointsIssuedQuery,
  type ReverseEntryRequest,
} from '@jianghuai/shared';
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
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string;
}

export class ReverseEntryDto implements ReverseEntryRequest {
  @ApiProperty({ example: '经核实未实际到岗' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason: string;
}
