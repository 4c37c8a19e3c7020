import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_FLAGS,
  INCIDENT_MAX_ATTACHMENTS,
  INCIDENT_STATUSES,
  type IncidentCategory,
  type IncidentFlag,
  type IncidentStatus,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

export class FileIncidentReportDto {
  @ApiProperty({ description: '手机端为每次报送生成一次的请求号；重复提交返回同一份报送', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId: string;

  @ApiProperty({ enum: INCIDENT_CATEGORIES, description: 'urgent 紧急 / major 重大' })
  @IsIn(INCIDENT_CATEGORIES)
  category: IncidentCategory;

  @ApiProperty({ description: '事项类别（如 火灾、群体性事件、人员受伤）', maxLength: 50 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(50)
  subcategory: string;

  @ApiProperty({ description: '事发时间', format: 'date-time' })
  @IsISO8601({ strict: true })
  occurredAt: string;

  @ApiProperty({ description: '事发地点', maxLength: 200 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(200)
  place: string;

  @ApiProperty({ description: '事项内容', maxLength: 2000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(2000)
  content: string;

  @ApiPropertyOptional({ description: '涉及人员', maxLength: 500, nullable: true })
  @IsOptional()
  @IsString()
  @MaxChars(500)
  people?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: `附件（先以 incident_attachment 上传），最多 ${INCIDENT_MAX_ATTACHMENTS} 个`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INCIDENT_MAX_ATTACHMENTS)
  @Matches(/^[0-9a-f]{32}$/, { each: true })
  attachmentIds?: string[];
}

export class IncidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(INCIDENT_CATEGORIES)
  category?: IncidentCategory;

  @ApiPropertyOptional({ enum: INCIDENT_FLAGS, description: 'late 超时报送 / unacknowledged 超时未受理 / any 任一' })
  @IsOptional()
  @IsIn(INCIDENT_FLAGS)
  flag?: IncidentFlag;
}

export class ClassifyIncidentDto {
  @ApiProperty({ description: '定性分类', maxLength: 100 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(100)
  classification: string;
}

export class DisposeIncidentDto {
  @ApiProperty({ description: '处置情况', maxLength: 2000 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(2000)
  disposal: string;
}
