import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { CreatePolicyRequest, EnrolActivityRequest, EnrolRequest } from '@jianghuai/shared';

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
