import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import {
  HONESTY_FLAG_KINDS,
  HONESTY_FLAG_STATUSES,
  type HonestyFlagKind,
  type HonestyFlagStatus,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class HonestyFlagQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HONESTY_FLAG_STATUSES, description: 'open 待核查 / dismissed 已排除' })
  @IsOptional()
  @IsIn(HONESTY_FLAG_STATUSES)
  status?: HonestyFlagStatus;

  @ApiPropertyOptional({ enum: HONESTY_FLAG_KINDS })
  @IsOptional()
  @IsIn(HONESTY_FLAG_KINDS)
  kind?: HonestyFlagKind;
}

export class DismissHonestyFlagDto {
  @ApiProperty({ description: '排除理由（核实情况）', maxLength: 200 })
  @Trimmed()
  @IsString()
  @MinLength(4)
  @MaxChars(200)
  reason: string;
}
