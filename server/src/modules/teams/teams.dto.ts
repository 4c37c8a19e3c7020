import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { TEAM_KINDS, type TeamKind, type TeamListQuery, type TeamRequest } from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';

export class TeamDto implements TeamRequest {
  @ApiProperty({ example: '平湖巡逻一组' })
  @IsString({ message: '请填写队伍名称' })
  @MinLength(2, { message: '队伍名称至少 2 个字' })
  @MaxLength(50, { message: '队伍名称最多 50 个字' })
  name: string;

  @ApiProperty({ enum: TEAM_KINDS }) @IsIn(TEAM_KINDS, { message: '请选择队伍类型' }) kind: TeamKind;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) stationId?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  communityId?: number | null;

  @ApiPropertyOptional({ nullable: true, example: '湖东路以东网格' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200, { message: '网格描述最多 200 个字' })
  areaText?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  leaderVolunteerId?: number | null;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(200, { message: '一支队伍最多 200 名队员' })
  @IsInt({ each: true })
  memberVolunteerIds: number[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000, { message: '职责最多 2000 字' })
  duties?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000, { message: '工作制度最多 2000 字' })
  rules?: string | null;
}

export class TeamListQueryDto extends PageQueryDto implements TeamListQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) stationId?: number;
}
