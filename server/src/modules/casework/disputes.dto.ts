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
  DISPUTE_MAX_PARTIES,
  DISPUTE_OUTCOMES,
  DISPUTE_STATUSES,
  DISPUTE_TYPES,
  type DisputeOutcome,
  type DisputeStatus,
  type DisputeType,
} from '@jianghuai/shared';
import { MaxChars } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

/** Spaces around a text are dropped before its length is checked: a text of blanks is refused, never stored empty. */
const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** Both coordinates or neither: a point with one of them cannot be placed. */
const WithCoordinates = () => ValidateIf((o: { lat?: unknown; lng?: unknown }) => o.lat != null || o.lng != null);

export class DisputePartyDto {
  @ApiProperty({ description: '当事人姓名', maxLength: 32 })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(32)
  name: string;

  @ApiPropertyOptional({ description: '当事人手机号（加密保存，显示时脱敏）', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/^1\d{10}$/, { message: '手机号应为 11 位数字' })
  phone?: string | null;
}

export class DisputePlaceDto {
  @ApiProperty({ description: '纠纷地点', maxLength: 200 })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxChars(200)
  address: string;

  @ApiPropertyOptional({ description: '纬度（与经度同时给出）', type: Number, nullable: true })
  @WithCoordinates()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number | null;

  @ApiPropertyOptional({ description: '经度（与纬度同时给出）', type: Number, nullable: true })
  @WithCoordinates()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number | null;
}

class DisputeBaseDto {
  @ApiProperty({ enum: DISPUTE_TYPES, description: '纠纷类型' })
  @IsIn(DISPUTE_TYPES)
  type: DisputeType;

  @ApiProperty({ type: [DisputePartyDto], description: `当事人（1 至 ${DISPUTE_MAX_PARTIES} 人）` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISPUTE_MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => DisputePartyDto)
  parties: DisputePartyDto[];
}

export class CreateDisputeDto extends DisputeBaseDto {
  @ApiProperty({ type: DisputePlaceDto, description: '地点' })
  @ValidateNested()
  @Type(() => DisputePlaceDto)
  place: DisputePlaceDto;

  @ApiProperty({ description: '纠纷情况', maxLength: 2000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(2000)
  description: string;

  @ApiPropertyOptional({ description: '所属派出所（分局、市局民警登记时必填）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  stationId?: number;
}

export class CreateDisputeFromTipDto extends DisputeBaseDto {
  @ApiProperty({ description: '矛盾纠纷类线索的编号' })
  @IsInt()
  @Min(1)
  tipId: number;

  @ApiPropertyOptional({ type: DisputePlaceDto, description: '地点（默认取线索的地点）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisputePlaceDto)
  place?: DisputePlaceDto;

  @ApiPropertyOptional({ description: '纠纷情况（默认取线索内容）', maxLength: 2000 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(2000)
  description?: string;
}

export class DisputeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DISPUTE_STATUSES })
  @IsOptional()
  @IsIn(DISPUTE_STATUSES)
  status?: DisputeStatus;

  @ApiPropertyOptional({ enum: DISPUTE_TYPES })
  @IsOptional()
  @IsIn(DISPUTE_TYPES)
  type?: DisputeType;
}

export class DisputeStepDto {
  @ApiProperty({ description: '工作日期（YYYY-MM-DD，北京时间，不晚于今天）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  date: string;

  @ApiProperty({ description: '做了什么', maxLength: 1000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(1000)
  text: string;
}

export class DisputeOutcomeDto {
  @ApiProperty({ enum: DISPUTE_OUTCOMES, description: 'resolved 化解 / escalated 上交派出所' })
  @IsIn(DISPUTE_OUTCOMES)
  outcome: DisputeOutcome;

  @ApiProperty({ description: '结果说明', maxLength: 1000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(1000)
  note: string;
}

export class AssignMediatorDto {
  @ApiProperty({ description: '调解员（本所具备调解技能的义警）' })
  @IsInt()
  @Min(1)
  volunteerId: number;
}
