import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import {
  NARRATIVE_MAX,
  RANKING_TITLE_MAX,
  STAGE_NAME_MAX,
  STAGE_NOTE_MAX,
  type NarrativeRequest,
  type RankingPublishRequest,
  type StageRequest,
} from '@jianghuai/shared';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StageDto implements StageRequest {
  @ApiProperty({ example: '第一阶段（5月15日）', maxLength: STAGE_NAME_MAX })
  @Trimmed()
  @IsString({ message: '请填写阶段名称' })
  @MinLength(2, { message: '阶段名称至少 2 个字' })
  @MaxChars(STAGE_NAME_MAX, { message: `阶段名称最多 ${STAGE_NAME_MAX} 个字` })
  name: string;

  @ApiProperty({ example: '2027-05-15', description: '截止日期 YYYY-MM-DD（北京时间）' })
  @Matches(DATE, { message: '截止日期的格式应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '截止日期不是有效日期' })
  dueDate: string;

  @ApiPropertyOptional({ nullable: true, maxLength: STAGE_NOTE_MAX, description: '填报要求' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trimmed()
  @IsString()
  @MinLength(1, { message: '填报要求不能只有空格' })
  @MaxChars(STAGE_NOTE_MAX, { message: `填报要求最多 ${STAGE_NOTE_MAX} 个字` })
  note?: string | null;
}

export class NarrativeDto implements NarrativeRequest {
  @ApiProperty({ maxLength: NARRATIVE_MAX, description: '本单位本阶段的工作情况' })
  @Trimmed()
  @IsString({ message: '请填写工作情况' })
  @MinLength(10, { message: '工作情况至少 10 个字' })
  @MaxChars(NARRATIVE_MAX, { message: `工作情况最多 ${NARRATIVE_MAX} 个字` })
  text: string;
}

export class RankingPublishDto implements RankingPublishRequest {
  @ApiProperty({ example: '2026年第48周晒比通报', maxLength: RANKING_TITLE_MAX })
  @Trimmed()
  @IsString({ message: '请填写通报标题' })
  @MinLength(2, { message: '通报标题至少 2 个字' })
  @MaxChars(RANKING_TITLE_MAX, { message: `通报标题最多 ${RANKING_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty({ example: '2026-11-23', description: '统计开始日期（含，北京时间）' })
  @Matches(DATE, { message: '开始日期的格式应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '开始日期不是有效日期' })
  periodStart: string;

  @ApiProperty({ example: '2026-11-29', description: '统计截止日期（含，北京时间，不晚于今天）' })
  @Matches(DATE, { message: '截止日期的格式应为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '截止日期不是有效日期' })
  periodEnd: string;

  @ApiPropertyOptional({ nullable: true, maxLength: STAGE_NOTE_MAX })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trimmed()
  @IsString()
  @MinLength(1, { message: '说明不能只有空格' })
  @MaxChars(STAGE_NOTE_MAX, { message: `说明最多 ${STAGE_NOTE_MAX} 个字` })
  note?: string | null;
}

export class RankingListQueryDto extends PageQueryDto {}
