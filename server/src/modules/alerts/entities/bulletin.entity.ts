import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn, JsonColumn } from '../../../database/columns.js';

/**
 * A situation bulletin (治安状况通报 with 安全防范指导意见, docs/alerts.md) published to the volunteers and company
 * managers of an area (a station, a branch or the city). `orgPath` is the area's path: staff whose scope holds it
 * read it; the audience was fixed at publication (`bulletin_recipients`).
 */
@Entity('bulletins')
export class Bulletin {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  senderUserId: number;

  @Column({ type: 'varchar', length: 64 })
  senderName: string;

  @Column({ type: 'int' })
  areaId: number;

  @Column({ type: 'varchar', length: 64 })
  areaName: string;

  @Index()
  @Column({ type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Column({ type: 'varchar', length: 2000 })
  advice: string;

  /** Uploads of purpose bulletin_image attached to it (`bulletin:<id>`), in order. */
  @JsonColumn()
  imageIds: string[];

  @Column({ type: 'int' })
  recipientCount: number;

  @DateTimeColumn()
  createdAt: Date;
}
