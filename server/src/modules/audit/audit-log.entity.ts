import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../database/columns.js';

/**
 * Append-only record of a staff action (docs/product.md#roles-and-org-scope). Rows are only ever inserted; `orgPath` is the
 * path of the org unit the action concerns, so scoped listing is a prefix match.
 */
@Entity('audit_logs')
@Index(['orgPath', 'id'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64 })
  actorName: string;

  @JsonColumn()
  actorRoles: string[];

  @Column({ type: 'int', nullable: true })
  orgUnitId: number | null;

  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @JsonColumn({ nullable: true })
  before: Record<string, unknown> | null;

  @JsonColumn({ nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @DateTimeColumn()
  createdAt: Date;
}
