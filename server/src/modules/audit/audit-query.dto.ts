import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '操作类型，如 staff.create、pii.reveal' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z_.]+$/)
  action?: string;

  @ApiPropertyOptional({ description: '对象类型，如 user' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  targetType?: string;
}
