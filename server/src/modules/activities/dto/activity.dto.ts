import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACTIVITY_MODES,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  POINTS_RULES,
  RISK_LEVELS,
  SIGNUP_MODES,
  SKILLS,
  VOLUNTEER_TIERS,
  type ActivityInput,
  type ActivityLocation,
  type ActivityMode,
  type ActivityPlaceQuery,
  type ActivityRequirements,
  type ActivityStatus,
  type ActivityType,
  type AdminActivityListQuery,
  type ActivityListQuery,
  type MyActivityListQuery,
  type PointsRule,
  type ProposalStatus,
  type RiskLevel,
  type SignupMode,
  type Skill,
  type UpdateActivityRequest,
  type VolunteerTier,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../../common/pagination.js';

export class ActivityLocationDto implements ActivityLocation {
  @ApiProperty({ example: '平湖派出所门口' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address: string;

  @ApiProperty({ example: 31.6612 })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 118.5037 })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiProperty({ example: 300, description: '签到半径（米）' })
  @IsInt()
  @Min(10)
  @Max(50000)
  radiusM: number;
}

export class ActivityRequirementsDto implements Partial<ActivityRequirements> {
  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(SKILLS, { each: true })
  skills?: Skill[];

  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(VOLUNTEER_TIERS, { each: true })
  tiers?: VolunteerTier[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(16)
  @Max(100)
  minAge?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(16)
  @Max(100)
  maxAge?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requiresInsurance?: boolean;
}

export class ActivityInputDto implements ActivityInput {
  @ApiProperty({ example: '平湖片区夜间巡逻' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @ApiProperty({ enum: ACTIVITY_TYPES })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ type: ActivityLocationDto })
  @ValidateNested()
  @Type(() => ActivityLocationDto)
  location: ActivityLocationDto;

  @ApiProperty({ example: '2026-12-05T11:00:00.000Z' })
  @IsISO8601({ strict: true })
  startAt: string;

  @ApiProperty({ example: '2026-12-05T13:00:00.000Z' })
  @IsISO8601({ strict: true })
  endAt: string;

  @ApiPropertyOptional({ description: '报名截止，默认为开始时间' })
  @IsOptional()
  @IsISO8601({ strict: true })
  signupDeadline?: string;

  @ApiPropertyOptional({ description: '取消报名截止，默认为开始时间' })
  @IsOptional()
  @IsISO8601({ strict: true })
  cancelDeadline?: string;

  @ApiProperty({ minimum: 1, maximum: 100000 })
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  minHeadcount?: number;

  @ApiPropertyOptional({ type: ActivityRequirementsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityRequirementsDto)
  requirements?: ActivityRequirementsDto;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @ApiProperty({ enum: POINTS_RULES })
  @IsIn(POINTS_RULES)
  pointsRule: PointsRule;

  @ApiProperty({ minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  pointsAmount: number;

  @ApiPropertyOptional({
    enum: ACTIVITY_MODES,
    description: '调度模式；不填时：在生效的战时区域内为战时，否则为日常',
  })
  @IsOptional()
  @IsIn(ACTIVITY_MODES)
  mode?: ActivityMode;

  @ApiProperty({ enum: SIGNUP_MODES })
  @IsIn(SIGNUP_MODES)
  signupMode: SignupMode;

  @ApiPropertyOptional({
    description: '发布单位（市局、分局、派出所或社区，本人单位或下级），默认本人单位；提议时为派出所',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiPropertyOptional({ nullable: true, description: '只面向发布单位所在派出所的一支队伍；提议时不可选' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  teamId?: number | null;
}

export class UpdateActivityDto implements UpdateActivityRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(100) title?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES }) @IsOptional() @IsIn(ACTIVITY_TYPES) type?: ActivityType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: ActivityLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityLocationDto)
  location?: ActivityLocationDto;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) startAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) endAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) signupDeadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) cancelDeadline?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) minHeadcount?: number;
  @ApiPropertyOptional({ type: ActivityRequirementsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityRequirementsDto)
  requirements?: ActivityRequirementsDto;
  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS) riskLevel?: RiskLevel;
  @ApiPropertyOptional({ enum: POINTS_RULES }) @IsOptional() @IsIn(POINTS_RULES) pointsRule?: PointsRule;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10000) pointsAmount?: number;
  @ApiPropertyOptional({ enum: ACTIVITY_MODES }) @IsOptional() @IsIn(ACTIVITY_MODES) mode?: ActivityMode;
  @ApiPropertyOptional({ enum: SIGNUP_MODES }) @IsOptional() @IsIn(SIGNUP_MODES) signupMode?: SignupMode;
  @ApiPropertyOptional({
    nullable: true,
    description: '改为只面向一支队伍（null：不限队伍）；已发布的活动须没有队外的人报名',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  teamId?: number | null;
}

export class ActivityPlaceQueryDto implements ActivityPlaceQuery {
  @ApiPropertyOptional({ example: '平湖', description: '名称或地址中的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class MyActivityListQueryDto extends PageQueryDto implements MyActivityListQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: '活动日期起（含，上海时间）' })
  @IsOptional()
  @Matches(DAY)
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-07', description: '活动日期止（含，上海时间）' })
  @IsOptional()
  @Matches(DAY)
  to?: string;
}

export class ActivityListQueryDto extends PageQueryDto implements ActivityListQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) stationId?: number;
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES }) @IsOptional() @IsIn(ACTIVITY_TYPES) type?: ActivityType;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @Matches(DAY) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @Matches(DAY) to?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(-90) @Max(90) lat?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(-180) @Max(180) lng?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0.1) @Max(500) withinKm?: number;
}

export class AdminActivityListQueryDto extends PageQueryDto implements AdminActivityListQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) stationId?: number;
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES }) @IsOptional() @IsIn(ACTIVITY_TYPES) type?: ActivityType;
  @ApiPropertyOptional() @IsOptional() @Matches(DAY) from?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DAY) to?: string;
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES }) @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  proposal?: ProposalStatus;
}

export class ReasonDto {
  @ApiProperty({ example: '暴雨预警，活动取消' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason: string;
}
