import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { MaxChars } from '../../common/errors/max-chars.js';
import { PageQueryDto } from '../../common/pagination.js';

const MAX_INT = 1_000_000_000;
/** Stock never goes past this (the column is a 32-bit integer; a top-up beyond it is MALL_STOCK_TOO_LARGE). */
export const MAX_STOCK = MAX_INT;
/** ¥100 000 per item, so that 100 of them (the most one order takes) still fit the order's 32-bit total in fen. */
export const MAX_CASH_FEN = 10_000_000;
/** The largest points total an order (and a balance) can hold: a 32-bit integer column. */
export const MAX_POINTS_TOTAL = 2_147_483_647;

/** The fields an update (PUT) may carry, any subset; stock and shelf have their own routes. */
export class UpdateMallProductDto {
  @ApiPropertyOptional({ description: '商品名称', maxLength: 60 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxChars(60)
  name?: string;

  @ApiPropertyOptional({ description: '分类（如 生活用品）', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxChars(30)
  category?: string;

  @ApiPropertyOptional({ description: '说明', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxChars(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: '商品图片（先以 product_image 上传），最多 6 张' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @Matches(/^[0-9a-f]{32}$/, { each: true })
  imageIds?: string[];

  @ApiPropertyOptional({ description: '所需积分（大于 0 的整数）', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  pointsPrice?: number;

  @ApiPropertyOptional({
    description: '另付现金（分，0 表示纯积分兑换，最多 10 万元）',
    minimum: 0,
    maximum: MAX_CASH_FEN,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CASH_FEN)
  cashFen?: number;

  @ApiPropertyOptional({ description: '每人限兑数量（不填不限）', minimum: 1, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perPersonLimit?: number | null;

  @ApiPropertyOptional({ type: [Number], description: '可领取的服务站（派出所）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  pickupStationIds?: number[];

  @ApiPropertyOptional({ description: '是否邮寄' })
  @IsOptional()
  @IsBoolean()
  delivery?: boolean;
}

export class CreateMallProductDto extends UpdateMallProductDto {
  @ApiProperty({ description: '商品名称', maxLength: 60 })
  @IsString()
  @MinLength(1)
  @MaxChars(60)
  declare name: string;

  @ApiProperty({ description: '分类', maxLength: 30 })
  @IsString()
  @MinLength(1)
  @MaxChars(30)
  declare category: string;

  @ApiProperty({ description: '所需积分（大于 0 的整数）', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  declare pointsPrice: number;

  @ApiProperty({ description: '初始库存', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  stock: number;

  @ApiPropertyOptional({ description: '所属单位（默认操作人的单位；只能是本单位或下级）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  orgUnitId?: number;
}

export class MallShelfDto {
  @ApiProperty({ description: 'true 上架，false 下架' })
  @IsBoolean()
  onShelf: boolean;
}

export class MallStockDto {
  @ApiProperty({ description: '库存变化（正数补货，负数减少；不能减到 0 以下）' })
  @IsInt()
  @Min(-MAX_INT)
  @Max(MAX_INT)
  delta: number;

  @ApiProperty({ description: '调整原因', maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxChars(200)
  reason: string;
}

export class MallProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按名称搜索', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxChars(30)
  q?: string;

  @ApiPropertyOptional({ description: '分类', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxChars(30)
  category?: string;
}

export class PlaceMallOrderDto {
  @ApiProperty({ description: '商品' })
  @IsInt()
  @Min(1)
  productId: number;

  @ApiProperty({ description: '数量（1 到每人限兑数量）', minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  quantity: number;

  @ApiPropertyOptional({ description: '领取的服务站（商品可自提时必选）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  pickupStationId?: number;

  @ApiProperty({ description: '手机端为每次兑换生成一次的请求号；重复提交返回同一订单', maxLength: 64 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientRequestId: string;
}
