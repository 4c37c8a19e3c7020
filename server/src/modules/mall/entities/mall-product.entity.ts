import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * An item of the points mall (docs/mall.md). `stock` only moves by conditional UPDATEs (`stock >= :q`), so it
 * never goes below zero however many orders arrive at once; `orgPath` is the owning unit's path for the scope.
 */
@Entity('mall_products')
@Index(['onShelf', 'category'])
export class MallProduct {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  category: string;

  @Column({ type: 'varchar', length: 2000 })
  description: string;

  @JsonColumn()
  imageIds: string[];

  @Column({ type: 'int' })
  pointsPrice: number;

  @Column({ type: 'int' })
  cashFen: number;

  @Column({ type: 'int' })
  stock: number;

  @Column({ type: 'int', nullable: true })
  perPersonLimit: number | null;

  @Column({ type: 'boolean' })
  onShelf: boolean;

  @JsonColumn()
  pickupStationIds: number[];

  @Column({ type: 'boolean' })
  delivery: boolean;

  @Column({ type: 'int' })
  orgUnitId: number;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'int' })
  createdByUserId: number;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
