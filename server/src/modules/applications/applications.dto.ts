import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  APPLICATION_STATUSES,
  OCCUPATIONS,
  type ApplicationDeclarations,
  type ApplicationQuery,
  type ApplicationStatus,
  type Occupation,
  type RejectApplicationRequest,
  type SubmitApplicationRequest,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { toBool } from '../../common/http/query-transforms.js';
import { SkillDto } from '../volunteers/volunteers.dto.js';

export class DeclarationsDto implements ApplicationDeclarations {
  @ApiProperty({ description: '本人无违法犯罪记录' }) @IsBoolean() noCriminalRecord: boolean;
  @ApiProperty({ description: '身心健康，能够胜任义警工作' }) @IsBoolean() physicallyFit: boolean;
}

export class LocationDto {
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(-180) @Max(180) lng: number;
}

export class SubmitApplicationDto implements SubmitApplicationRequest {
  @ApiProperty({ example: '王小明' }) @IsString() @MinLength(2) @MaxLength(32) name: string;

  @ApiProperty({ example: '340504199003071234', description: '18 位居民身份证号（GB 11643，含校验位）' })
  @IsString()
  @MaxLength(20)
  idNumber: string;

  @ApiPropertyOptional({ description: '微信 getPhoneNumber 返回的 code；重新提交时可省略（沿用已验证的手机号）' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  phoneCode?: string;

  @ApiProperty({ enum: OCCUPATIONS }) @IsIn(OCCUPATIONS) occupation: Occupation;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) companyId?:
    number | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) siteId?:
    number | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  residenceCommunityId?: number | null;

  @ApiPropertyOptional({ type: LocationDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto | null;

  @ApiProperty({ type: [SkillDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills: SkillDto[];

  @ApiProperty({ type: DeclarationsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeclarationsDto)
  declarations: DeclarationsDto;

  @ApiProperty({ example: '2022.1' }) @IsString() @MaxLength(16) agreementVersion: string;
  @ApiProperty() @IsBoolean() agreementSigned: boolean;
}

/** The draft is whatever the form holds so far: validated loosely (size), never for completeness. */
export class SaveDraftDto {
  @ApiProperty({ description: '表单内容（提交字段的任意子集，可含 step）', type: 'object', additionalProperties: true })
  @IsObject()
  draft: Record<string, unknown>;
}

export class ApplicationQueryDto extends PageQueryDto implements ApplicationQuery {
  @ApiPropertyOptional({ enum: ['review', 'approval', 'decided'] })
  @IsOptional()
  @IsIn(['review', 'approval', 'decided'])
  stage?: 'review' | 'approval' | 'decided';
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() green?: boolean;
  @ApiPropertyOptional({ description: '只看超过审核时限的' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgUnitId?: number;
  @ApiPropertyOptional({ description: '姓名包含' }) @IsOptional() @IsString() @MaxLength(32) q?: string;
}

export class RejectApplicationDto implements RejectApplicationRequest {
  @ApiProperty({ description: '不通过原因（申请人可见）' }) @IsString() @MaxLength(200) reason: string;
}

export class ApplicationRevealDto {
  @ApiProperty({ enum: ['idNumber', 'phone'] }) @IsIn(['idNumber', 'phone']) field: 'idNumber' | 'phone';
}
