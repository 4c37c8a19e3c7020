import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Login attempts per client address and login route in the current minute, shared by every
 * server instance (LoginRateLimitGuard). Rows older than an hour are pruned as logins arrive.
 */
@Entity('login_rate_windows')
export class LoginRateWindow {
  /** `<ip>|<controller>.<handler>` */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  rateKey: string;

  /** When the window began (epoch ms): a window lasts one minute from the first attempt in it. */
  @Column({ type: 'bigint' })
  windowStart: string;

  @Column({ type: 'int' })
  hits: number;
}
