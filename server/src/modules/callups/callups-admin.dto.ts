import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CALLUP_ADDRESS_MAX,
  CALLUP_DEADLINE_MAX_DAYS,
  CALLUP_DRAW_MAX,
  CALLUP_ITEM_LABEL_MAX,
  CALLUP_ITEMS_MAX,
  CALLUP_KINDS,
  CALLUP_MODES,
  CALLUP_PLAN_NAME_MAX,
  CALLUP_RADIUS_MAX_M,
  CALLUP_RADIUS_MIN_M,
  CALLUP_RALLY_RADIUS_MAX_M,
  CALLUP_REASON_MAX,
  CALLUP_STATUSES,
  CALLUP_TASK_MAX,
  CALLUP_TITLE_MAX,
  CALLUP_WANTED_MAX,
  SKILLS,
  VOLUNTEER_TIERS,
  type CallupKind,
  type CallupMode,
  type CallupStatus,
  type Skill,
  type VolunteerTier,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class CallupRadiusDto {
  @ApiProperty({ description: '中心点纬度' }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ description: '中心点经度' }) @IsNumber() @Min(-180) @Max(180) lng: number;
  @ApiProperty({ minimum: CALLUP_RADIUS_MIN_M, maximum: CALLUP_RADIUS_MAX_M, description: '半径（米）' })
  @IsInt()
  @Min(CALLUP_RADIUS_MIN_M)
  @Max(CALLUP_RADIUS_MAX_M)
  radiusM: number;
}

export class CallupTargetDto {
  @ApiProperty({ description: '本单位或下级的分局、派出所或社区' }) @IsInt() @Min(1) unitId: number;

  @ApiPropertyOptional({ nullable: true, description: '只调该单位内的一支队伍' })
  @IsOptional()
  @IsInt()
  @Min(1)
  teamId?: number | null;

  @ApiPropertyOptional({ enum: SKILLS, isArray: true, description: '须同时具备的技能' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SKILLS.length)
  @IsIn(SKILLS, { each: true })
  skills?: Skill[];

  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS, isArray: true, description: '层级（不选为不限）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOLUNTEER_TIERS.length)
  @IsIn(VOLUNTEER_TIERS, { each: true })
  tiers?: VolunteerTier[];

  @ApiPropertyOptional({ type: CallupRadiusDto, nullable: true, description: '地点周边（100 米至 5 公里）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallupRadiusDto)
  radius?: CallupRadiusDto | null;
}

export class CallupRallyDto {
  @ApiProperty({ description: '集合地点', maxLength: CALLUP_ADDRESS_MAX })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_ADDRESS_MAX)
  address: string;

  @ApiProperty({ description: '集合点纬度' }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ description: '集合点经度' }) @IsNumber() @Min(-180) @Max(180) lng: number;
}

/** The 摸排 items' labels: 1–50 texts, each trimmed and 1–100 characters. */
const Items = (): PropertyDecorator => (target, key) => {
  for (const d of [
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((x) => (typeof x === 'string' ? x.trim() : x)) : value,
    ),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(CALLUP_ITEMS_MAX),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxChars(CALLUP_ITEM_LABEL_MAX, { each: true }),
  ])
    d(target, key);
};

/** What a call-up and a plan share. */
export class CallupContentDto {
  @ApiProperty({ enum: CALLUP_KINDS, description: '普通指令或摸排' }) @IsIn(CALLUP_KINDS) kind: CallupKind;

  @ApiPropertyOptional({ enum: CALLUP_MODES, description: '调度模式；不填时按发令单位层级和战时状态' })
  @IsOptional()
  @IsIn(CALLUP_MODES)
  mode?: CallupMode;

  @ApiProperty({ maxLength: CALLUP_TITLE_MAX })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_TITLE_MAX)
  title: string;

  @ApiProperty({ maxLength: CALLUP_TASK_MAX, description: '任务内容' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_TASK_MAX)
  task: string;

  @ApiProperty({ type: CallupRallyDto }) @ValidateNested() @Type(() => CallupRallyDto) rally: CallupRallyDto;

  @ApiPropertyOptional({ minimum: 50, maximum: CALLUP_RALLY_RADIUS_MAX_M, description: '到达签到半径（米），默认 500' })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(CALLUP_RALLY_RADIUS_MAX_M)
  rallyRadiusM?: number;

  @ApiProperty({ type: CallupTargetDto }) @ValidateNested() @Type(() => CallupTargetDto) target: CallupTargetDto;

  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: CALLUP_WANTED_MAX, description: '需要人数（看板目标）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CALLUP_WANTED_MAX)
  wanted?: number | null;

  @ApiPropertyOptional({ type: [String], description: '摸排对象（重点人、事、物、单位），摸排指令必填' })
  @IsOptional()
  @Items()
  items?: string[];
}

export class CreateCallupDto extends CallupContentDto {
  @ApiProperty({ description: '手机端为每条指令生成一次的请求号；重复提交返回同一条指令', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  requestId: string;

  @ApiProperty({ description: `截止时间（ISO 8601），晚于现在，最多 ${CALLUP_DEADLINE_MAX_DAYS} 天` })
  @IsISO8601({ strict: true })
  deadlineAt: string;
}

export class CallupPreviewDto {
  @ApiProperty({ type: CallupTargetDto }) @ValidateNested() @Type(() => CallupTargetDto) target: CallupTargetDto;

  @ApiPropertyOptional({ enum: CALLUP_MODES }) @IsOptional() @IsIn(CALLUP_MODES) mode?: CallupMode;
}

export class CallupListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALLUP_STATUSES }) @IsOptional() @IsIn(CALLUP_STATUSES) status?: CallupStatus;
}

export class CallupPlanDto extends CallupContentDto {
  @ApiProperty({ maxLength: CALLUP_PLAN_NAME_MAX, description: '预案名称（本单位内不重名）' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_PLAN_NAME_MAX)
  name: string;

  @ApiProperty({ minimum: 5, maximum: CALLUP_DEADLINE_MAX_DAYS * 24 * 60, description: '启动后多少分钟截止' })
  @IsInt()
  @Min(5)
  @Max(CALLUP_DEADLINE_MAX_DAYS * 24 * 60)
  deadlineMinutes: number;
}

export class LaunchOverridesDto {
  @ApiPropertyOptional({ enum: CALLUP_MODES }) @IsOptional() @IsIn(CALLUP_MODES) mode?: CallupMode;

  @ApiPropertyOptional({ maxLength: CALLUP_TITLE_MAX })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ maxLength: CALLUP_TASK_MAX })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_TASK_MAX)
  task?: string;

  @ApiPropertyOptional({ type: CallupRallyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallupRallyDto)
  rally?: CallupRallyDto;

  @ApiPropertyOptional({ minimum: 50, maximum: CALLUP_RALLY_RADIUS_MAX_M })
  @IsOptional()
  @IsInt()
  @Min(50)
  @Max(CALLUP_RALLY_RADIUS_MAX_M)
  rallyRadiusM?: number;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) deadlineAt?: string;

  @ApiPropertyOptional({ type: CallupTargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallupTargetDto)
  target?: CallupTargetDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CALLUP_WANTED_MAX)
  wanted?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Items()
  items?: string[];
}

export class LaunchPlanDto {
  @ApiProperty({ maxLength: 64 }) @IsString() @Matches(/^[A-Za-z0-9_-]{8,64}$/) requestId: string;

  @ApiPropertyOptional({ type: LaunchOverridesDto, description: '发送前修改的内容' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LaunchOverridesDto)
  overrides?: LaunchOverridesDto;
}

export class CreateDrawDto {
  @ApiProperty({ description: '被抽调的分局' }) @IsInt() @Min(1) branchId: number;
  @ApiProperty({ minimum: 1, maximum: CALLUP_DRAW_MAX }) @IsInt() @Min(1) @Max(CALLUP_DRAW_MAX) count: number;

  @ApiPropertyOptional({ enum: SKILLS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SKILLS.length)
  @IsIn(SKILLS, { each: true })
  skills?: Skill[];

  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS }) @IsOptional() @IsIn(VOLUNTEER_TIERS) tier?: VolunteerTier;
}

export class DecideDrawDto {
  @ApiProperty({ enum: ['accept', 'decline'] }) @IsIn(['accept', 'decline']) decision: 'accept' | 'decline';

  @ApiPropertyOptional({ maxLength: CALLUP_REASON_MAX, description: '拒绝时必填' })
  @ValidateIf((o: { decision?: string; reason?: unknown }) => o.decision === 'decline' || o.reason !== undefined)
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(CALLUP_REASON_MAX)
  reason?: string;
}
