import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Team } from './team.entity.js';
import { TeamMember } from './team-member.entity.js';

/** A team row as other modules see it. */
export type TeamRecord = Team;

/** Reads of teams and memberships for other modules (activities: team-only sign-up, the leader's QR code). */
@Injectable()
export class TeamQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  findById(id: number, manager?: EntityManager): Promise<TeamRecord | null> {
    return (manager ?? this.ds.manager).getRepository(Team).findOneBy({ id });
  }

  async isMember(teamId: number, volunteerId: number, manager?: EntityManager): Promise<boolean> {
    const repo = (manager ?? this.ds.manager).getRepository(TeamMember);
    return (await repo.countBy({ teamId, volunteerId })) > 0;
  }

  /** The teams a volunteer belongs to or leads. */
  async teamIdsOf(volunteerId: number): Promise<number[]> {
    const member = await this.ds.getRepository(TeamMember).findBy({ volunteerId });
    const led = await this.ds.getRepository(Team).findBy({ leaderVolunteerId: volunteerId });
    return [...new Set([...member.map((m) => m.teamId), ...led.map((t) => t.id)])];
  }
}
