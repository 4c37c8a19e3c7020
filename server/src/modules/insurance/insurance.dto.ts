import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  UNINSURED_FILTERS,
  VOLUNTEER_TIERS,
  type CreatePolicyRequest,
  type EnrolActivityRequest,
  type EnrolRequest,
  type InsuranceCandidateQuery,
  type UninsuredFilter,
  type VolunteerTier,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';

export class CreatePolicyDto implements CreatePolicyRequest {
  @ApiProperty({ example: '中国人寿马鞍山分公司' }) @IsString() @MinLength(2) @MaxLength(100) insurer: string;
  @ApiProperty({ example: 'PICC-2026-0001' }) @IsString() @MinLength(3) @MaxLength(64) policyNo: string;
  @ApiProperty({ example: '2026-01-01T00:00:00+08:00' }) @IsISO8601({ strict: true }) validFrom: string;
  @ApiProperty({ example: '2026-12-31T23:59:59+08:00' }) @IsISO8601({ strict: true }) validTo: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) orgUnitId?: number;
}

export class EnrolDto implements EnrolRequest {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  volunteerIds: number[];
}

export class EnrolActivityDto implements EnrolActivityRequest {
  @ApiProperty() @IsInt() @Min(1) activityId: number;
}

export class CandidateQueryDto extends PageQueryDto implements InsuranceCandidateQuery {
  @ApiPropertyOptional({ description: '姓名、编号包含，或手机尾号 4 位' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) stationId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) teamId?: number;
  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS }) @IsOptional() @IsIn(VOLUNTEER_TIERS) tier?: VolunteerTier;
  @ApiPropertyOptional({ enum: UNINSURED_FILTERS, description: 'policy：未入本保单；any：当前无有效保险' })
  @IsOptional()
  @IsIn(UNINSURED_FILTERS)
  uninsured?: UninsuredFilter;
}
