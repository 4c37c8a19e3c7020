import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * A refresh token, stored only as its SHA-256. Tokens issued from one login form a family; each
 * refresh rotates (marks this row rotated, issues the next). Presenting a rotated token again
 * means it was stolen or replayed, so the whole family is revoked.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  familyId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @DateTimeColumn()
  expiresAt: Date;

  @DateTimeColumn({ nullable: true })
  rotatedAt: Date | null;

  @DateTimeColumn({ nullable: true })
  revokedAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;
}
