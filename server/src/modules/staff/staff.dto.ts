import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  STAFF_ROLES,
  type CreateStaffRequest,
  type StaffRole,
  type StaffStatusRequest,
  type UnitContactRequest,
  type UpdateStaffRequest,
} from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';

export class StaffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按姓名或用户名搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;

  @ApiPropertyOptional({ description: '只看某单位（须在本人范围内）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  orgUnitId?: number;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;
}

export class CreateStaffDto implements CreateStaffRequest {
  @ApiProperty({ example: 'pinghu_officer2', description: '字母、数字、下划线，4–32 位' })
  @Matches(/^[A-Za-z0-9_]{4,32}$/)
  username: string;

  @ApiProperty({ example: '王警官' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  displayName: string;

  @ApiProperty({ description: '至少 8 位，需含字母和数字' })
  @IsString()
  @MinLength(8)
  @MaxLength(64)
  @Matches(/^(?=.*[A-Za-z])(?=.*\d).+$/)
  password: string;

  @ApiProperty({ example: '13800000001', description: '预留手机号，用于绑定微信' })
  @Matches(/^1[3-9]\d{9}$/)
  phone: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  orgUnitId: number;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];
}

export class RevealDto {
  @ApiProperty({ enum: ['phone'] })
  @IsIn(['phone'])
  field: 'phone';
}

export class UpdateStaffDto implements UpdateStaffRequest {
  @ApiProperty({ enum: STAFF_ROLES, isArray: true, description: '须适合所选单位的级别' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];

  @ApiProperty()
  @IsInt()
  @Min(1)
  orgUnitId: number;
}

export class StaffStatusDto implements StaffStatusRequest {
  @ApiProperty({ enum: ['active', 'disabled'], description: 'active 启用，disabled 停用' })
  @IsIn(['active', 'disabled'])
  status: 'active' | 'disabled';
}

export class UnitContactDto implements UnitContactRequest {
  @ApiProperty({ example: '李明' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: '13800000001' })
  @Matches(/^1[3-9]\d{9}$/)
  phone: string;

  @ApiProperty({ example: '副所长' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  title: string;
}
