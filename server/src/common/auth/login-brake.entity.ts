import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Password-login brake per (login route, account, source address), shared by every server
 * instance (`LoginBrakeService`). `account` is a hash of the typed user name, so unknown names are
 * braked exactly like real ones and the table never holds what strangers typed. The rows of one
 * account, counted over a quarter of an hour, are the softer per-account brake (distinct
 * addresses: one address cannot set it off alone).
 */
@Entity('login_brakes')
export class LoginBrake {
  /** The login handler (`staff-login`), not the URL: every spelling of the route shares it. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  route: string;

  /** sha256 (hex) of the lower-cased user name as typed. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  account: string;

  /** Client address (IPv4 or IPv6 text) as Fastify resolves it behind trusted proxies. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  address: string;

  /** Consecutive failures from this address for this account (a success resets it). */
  @Column({ type: 'int' })
  failures: number;

  /** Epoch ms of the last failure (0: none). */
  @Column({ type: 'bigint' })
  lastFailureAt: string;

  /** Epoch ms before which this address may not try this account again (0: free). */
  @Column({ type: 'bigint' })
  nextAllowedAt: string;

  /** Epoch ms of the last successful login of this account from this address (0: never). */
  @Column({ type: 'bigint' })
  lastSuccessAt: string;
}
