import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

export type PushStatus = 'pending' | 'sent' | 'failed' | 'no_consent' | 'no_openid';

/**
 * One message to one person (docs/product.md#notifications): always in the in-app list; pushed as a WeChat subscribe
 * message when the person has consent left for the template. A failed push never blocks the
 * business action; it stays `failed` with its attempt count for a retry.
 */
@Entity('notifications')
@Index(['userId', 'id'])
@Index(['pushStatus', 'nextPushAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 48 })
  template: string;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /** Mini-program page to open, e.g. `pages/index/index`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  page: string | null;

  /** Template fields for the WeChat push: `{ thing1: '…', time2: '…' }`. */
  @JsonColumn()
  data: Record<string, string>;

  @Column({ type: 'simple-enum', enum: ['pending', 'sent', 'failed', 'no_consent', 'no_openid'], default: 'pending' })
  pushStatus: PushStatus;

  @Column({ type: 'int', default: 0 })
  pushAttempts: number;

  /** A failed push is tried again from this instant on (growing back-off); NULL: nothing planned. */
  @DateTimeColumn({ nullable: true })
  nextPushAt: Date | null;

  @DateTimeColumn({ nullable: true })
  readAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;
}
