import { ApiProperty } from '@nestjs/swagger';
import { IsString, MinLength } from 'class-validator';
import { MaxChars, Trimmed } from '../../common/errors/max-chars.js';

export class MallRefundDto {
  @ApiProperty({ description: '退款原因（2–100 字，记入操作日志并告知义警）', minLength: 2, maxLength: 100 })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxChars(100)
  reason: string;
}
