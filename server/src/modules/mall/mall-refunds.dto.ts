import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MinLength } from 'class-validator';
import { MaxChars } from '../../common/errors/max-chars.js';

export class MallRefundDto {
  @ApiProperty({ description: '退款原因（2–100 字，记入操作日志并告知义警）', minLength: 2, maxLength: 100 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxChars(100)
  reason: string;
}
