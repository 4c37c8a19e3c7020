import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

export type VolunteerStatus = 'active' | 'suspended' | 'revoked';

/** A person's membership of the force (SPEC §2.4); the application flow creates these on approval. */
@Entity('volunteers')
export class Volunteer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  userId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  memberNo: string;

  @Column({ type: 'simple-enum', enum: ['active', 'suspended', 'revoked'], default: 'active' })
  status: VolunteerStatus;

  @Index()
  @Column({ type: 'int', nullable: true })
  stationId: number | null;

  @DateTimeColumn()
  joinedAt: Date;

  @DateTimeColumn()
  createdAt: Date;
}
