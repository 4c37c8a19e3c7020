import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo of a tip: an upload of purpose tip_photo attached to it (`tip:<id>`), in the order sent. */
@Entity('tip_photos')
@Index(['tipId', 'position'], { unique: true })
export class TipPhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  tipId: number;

  @Column({ type: 'varchar', length: 32 })
  fileId: string;

  @Column({ type: 'int' })
  position: number;
}
