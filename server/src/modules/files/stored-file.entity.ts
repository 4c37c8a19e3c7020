import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * An uploaded picture (docs/product.md#uploads), re-encoded by the server; its bytes live in the
 * `FileStorage` under the server-made id (`<id>` and `<id>.thumb`), never under a client's name.
 */
@Entity('files')
export class StoredFile {
  /** 32 hex characters from the server's random generator */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  /** what the picture is for (`personal`, a mall product, a tip…): picks the read policy */
  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  @Index()
  @Column({ type: 'int' })
  ownerUserId: number;

  /** the stored bytes' type (always a re-encoded image/jpeg so far) */
  @Column({ type: 'varchar', length: 60 })
  mime: string;

  /** the type the uploaded bytes were, by their content (image/png…) */
  @Column({ type: 'varchar', length: 60 })
  sourceMime: string;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  /** of the stored (re-encoded) bytes */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @DateTimeColumn()
  createdAt: Date;

  /** what it belongs to once the owning domain takes it (`tip:12`); until then only the uploader reads it */
  @Index()
  @Column({ type: 'varchar', length: 80, nullable: true })
  attachedTo: string | null;

  @DateTimeColumn({ nullable: true })
  deletedAt: Date | null;
}
