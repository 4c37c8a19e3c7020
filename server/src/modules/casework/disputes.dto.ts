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
  Matches,
  Min,
  MinLength,
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
import { PlaceDto } from '../../common/dto/place.dto.js';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

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
  @ApiProperty({ type: PlaceDto, description: '地点' })
  @ValidateNested()
  @Type(() => PlaceDto)
  place: PlaceDto;

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

  @ApiPropertyOptional({ type: PlaceDto, description: '地点（默认取线索的地点）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  place?: PlaceDto;

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
