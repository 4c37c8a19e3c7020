import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Uploads per person per business day (docs/product.md#uploads), counted in the database with a
 * conditional UPDATE so every server instance brakes on the same count.
 */
@Entity('file_upload_days')
@Index('UQ_file_upload_days_user_day', ['userId', 'day'], { unique: true })
export class UploadDay {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  /** YYYY-MM-DD in the business time zone */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'int' })
  uploads: number;
}
