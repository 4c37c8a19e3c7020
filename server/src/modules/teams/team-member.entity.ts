import { Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/** A volunteer's membership of a team. */
@Entity('team_members')
@Index(['volunteerId'])
export class TeamMember {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'int' })
  volunteerId: number;

  @DateTimeColumn()
  joinedAt: Date;
}
