import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
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
  SKILLS,
  VOLUNTEER_TIERS,
  type CreateExemptionRequest,
  type DeclineTransferRequest,
  type EmergencyContact,
  type IssuedEquipment,
  type ReassignRequest,
  type RecordCriminalCheckRequest,
  type Skill,
  type TalentPoolQuery,
  type UpdateVolunteerRequest,
  type VolunteerQuery,
  type VolunteerSkill,
  type VolunteerStatus,
  type VolunteerTier,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { toBool } from '../../common/http/query-transforms.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SkillDto implements VolunteerSkill {
  @ApiProperty({ enum: SKILLS })
  @IsIn(SKILLS)
  name: Skill;

  @ApiPropertyOptional({ nullable: true, description: '证书编号' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(40)
  certificateNo?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2027-06-30', description: '证书有效期 YYYY-MM-DD' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DATE)
  expiresOn?: string | null;
}

export class EquipmentDto implements IssuedEquipment {
  @ApiProperty({ example: '义警马甲' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  item: string;

  @ApiProperty({ example: '2026-05-01' })
  @Matches(DATE)
  issuedOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  count?: number;
}

export class ContactDto implements EmergencyContact {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(32) name: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(16) relation: string;
  @ApiProperty() @Matches(/^1[3-9]\d{9}$/) phone: string;
}

export class UpdateVolunteerDto implements UpdateVolunteerRequest {
  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS }) @IsOptional() @IsIn(VOLUNTEER_TIERS) tier?: VolunteerTier;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  teams?: string[];

  @ApiPropertyOptional({ type: [SkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SkillDto)
  skills?: SkillDto[];

  @ApiPropertyOptional({ type: [EquipmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => EquipmentDto)
  equipment?: EquipmentDto[];

  @ApiPropertyOptional({ type: [ContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts?: ContactDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  training?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  commendations?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(500)
  notes?: string | null;

  @ApiPropertyOptional({ enum: ['active', 'suspended', 'revoked'] })
  @IsOptional()
  @IsIn(['active', 'suspended', 'revoked'])
  status?: VolunteerStatus;

  @ApiPropertyOptional({ description: '改变状态时必填' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  statusReason?: string;
}

export class ReassignDto implements ReassignRequest {
  @ApiProperty({ description: '新的管理派出所' }) @IsInt() @Min(1) stationId: number;
  @ApiProperty({ description: '调整原因' }) @IsString() @MinLength(2) @MaxLength(200) reason: string;
}

export class DeclineTransferDto implements DeclineTransferRequest {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) reason: string;
}

export class ExemptionDto implements CreateExemptionRequest {
  @ApiProperty({ example: '因病住院' }) @IsString() @MinLength(2) @MaxLength(200) reason: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE) endsOn: string;
}

export class CriminalCheckDto implements RecordCriminalCheckRequest {
  @ApiProperty({ enum: ['clear', 'record'] }) @IsIn(['clear', 'record']) result: 'clear' | 'record';
  @ApiProperty({ description: '核查人' }) @IsString() @MinLength(1) @MaxLength(32) checkedBy: string;
  @ApiProperty({ description: '核查时间（ISO）' }) @IsDateString() checkedAt: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  note?: string | null;
}

export class VolunteerQueryDto extends PageQueryDto implements VolunteerQuery {
  @ApiPropertyOptional({ description: '姓名或编号包含' }) @IsOptional() @IsString() @MaxLength(32) q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) orgUnitId?: number;
  @ApiPropertyOptional({ enum: ['active', 'suspended', 'revoked'] })
  @IsOptional()
  @IsIn(['active', 'suspended', 'revoked'])
  status?: VolunteerStatus;
  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS }) @IsOptional() @IsIn(VOLUNTEER_TIERS) tier?: VolunteerTier;
  @ApiPropertyOptional({ enum: SKILLS }) @IsOptional() @IsIn(SKILLS) skill?: Skill;
}

export class TalentPoolQueryDto extends PageQueryDto implements TalentPoolQuery {
  @ApiPropertyOptional({ enum: SKILLS }) @IsOptional() @IsIn(SKILLS) skill?: Skill;
  @ApiPropertyOptional({ description: '区域：本人范围内的单位，含下级' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  orgUnitId?: number;
  @ApiPropertyOptional({ enum: VOLUNTEER_TIERS }) @IsOptional() @IsIn(VOLUNTEER_TIERS) tier?: VolunteerTier;
  @ApiPropertyOptional({ description: '只看可调用（在册且不在特殊情况期内）' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  available?: boolean;
}

export class VolunteerRevealDto {
  @ApiProperty({ enum: ['idNumber', 'phone', 'contactPhone'] }) @IsIn(['idNumber', 'phone', 'contactPhone']) field:
    'idNumber' | 'phone' | 'contactPhone';

  @ApiPropertyOptional({ description: '紧急联系人序号（contacts 中从 0 起）；field 为 contactPhone 时必填' })
  @ValidateIf((o: VolunteerRevealDto) => o.field === 'contactPhone' || o.contact !== undefined)
  @IsInt()
  @Min(0)
  @Max(4)
  contact?: number;
}
