import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** What the station enters or scans: the 8 digits, or the QR text `jhyj-pickup:<8 digits>`. */
export class MallPickupCodeDto {
  @ApiProperty({ description: '领取码（8 位数字）或扫码得到的文字 jhyj-pickup:12345678', example: '12345678' })
  @IsString()
  @Matches(/^\s*(jhyj-pickup:)?\d{8}\s*$/, { message: '请输入 8 位数字领取码，或扫描义警出示的二维码' })
  code: string;
}
