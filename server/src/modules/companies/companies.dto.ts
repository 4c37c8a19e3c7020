import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  COMPANY_TYPES,
  type CompanyType,
  type CreateCompanyRequest,
  type EquipmentCounts,
  type ServiceSiteRequest,
  type UpdateCompanyRequest,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';
import { IsEquipmentCounts } from './equipment.validator.js';

export class CompanyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '单位名称或信用代码包含' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: COMPANY_TYPES })
  @IsOptional()
  @IsIn(COMPANY_TYPES)
  type?: CompanyType;
}

export class CreateCompanyDto implements CreateCompanyRequest {
  @ApiProperty({ example: '皖安保安服务有限公司' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: COMPANY_TYPES })
  @IsIn(COMPANY_TYPES)
  type: CompanyType;

  @ApiProperty({ example: '91350100M000100Y43', description: '统一社会信用代码（GB 32100-2015，含校验位）' })
  @IsString()
  @MaxLength(30)
  creditCode: string;

  @ApiProperty({ description: '所属派出所（org unit，级别 station）' })
  @IsInt()
  @Min(1)
  homeStationId: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '13800000000' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^1[3-9]\d{9}$/)
  contactPhone?: string | null;

  @ApiPropertyOptional({ example: { 安检设备: 2, 盾牌: 10 }, description: '装备资源：名称 → 数量' })
  @IsOptional()
  @IsObject()
  @IsEquipmentCounts()
  equipment?: EquipmentCounts;

  @ApiPropertyOptional({ nullable: true, description: '单位管理员账号（角色 company_manager）' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  managerUserId?: number | null;
}

export class UpdateCompanyDto implements UpdateCompanyRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: COMPANY_TYPES })
  @IsOptional()
  @IsIn(COMPANY_TYPES)
  type?: CompanyType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(30)
  creditCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  homeStationId?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(32)
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^1[3-9]\d{9}$/)
  contactPhone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  @IsEquipmentCounts()
  equipment?: EquipmentCounts;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  managerUserId?: number | null;
}

export class ServiceSiteDto implements ServiceSiteRequest {
  @ApiProperty({ example: '雨山湖公园驻勤点' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '雨山区湖东南路 1 号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Number)
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Type(() => Number)
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number | null;

  @ApiProperty({ description: '驻勤点所在辖区派出所' })
  @IsInt()
  @Min(1)
  stationId: number;
}
