import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { MALL_ORDER_STATUSES, type MallOrderStatus } from '@jianghuai/shared';
import { PageQueryDto } from '../../common/pagination.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The staff order list, its export and (with `page`) its paging: every filter optional, combined with AND. */
export class MallAdminOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MALL_ORDER_STATUSES, description: '订单状态' })
  @IsOptional()
  @IsIn(MALL_ORDER_STATUSES)
  status?: MallOrderStatus;

  @ApiPropertyOptional({ description: '商品' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  productId?: number;

  @ApiPropertyOptional({ description: '下单日期起（上海时间，含当天）', example: '2026-11-01' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '下单日期止（上海时间，含当天）', example: '2026-11-30' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: '订单号或商品名称', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  q?: string;

  @ApiPropertyOptional({ description: '领取的服务站（派出所）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  pickupStationId?: number;
}
