import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { MaxChars, Trimmed } from '../errors/max-chars.js';

/** Both coordinates or neither: a point with one of them cannot be placed. */
const WithCoordinates = () => ValidateIf((o: { lat?: unknown; lng?: unknown }) => o.lat != null || o.lng != null);

/** A place someone reports (a tip's, a dispute's): an address line, and a point when they gave one. */
export class PlaceDto {
  @ApiProperty({ description: '地点（地址描述）', maxLength: 200 })
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
