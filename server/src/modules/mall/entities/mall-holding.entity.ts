import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How many of a product a person holds in live orders (docs/mall.md). One row per (user, product); an order takes
 * its quantity by `UPDATE … SET held = held + :q WHERE held + :q <= :limit`, so simultaneous orders never pass the
 * per-person limit together; a cancellation gives it back.
 */
@Entity('mall_holdings')
@Index(['userId', 'productId'], { unique: true })
export class MallHolding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'int' })
  productId: number;

  @Column({ type: 'int' })
  held: number;
}
