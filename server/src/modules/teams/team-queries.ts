import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { Team } from './team.entity.js';
import { TeamMember } from './team-member.entity.js';

/** A team row as other modules see it. */
export type TeamRecord = Team;

/** Reads of teams and memberships for other modules (activities: team-only sign-up, the leader's QR code). */
@Injectable()
export class TeamQueries {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly volunteers: VolunteerQueries,
  ) {}

  findById(id: number, manager?: EntityManager): Promise<TeamRecord | null> {
    return (manager ?? this.ds.manager).getRepository(Team).findOneBy({ id });
  }

  /** A member or the leader of the team (a team activity admits both). */
  async isInTeam(teamId: number, volunteerId: number): Promise<boolean> {
    if ((await this.ds.getRepository(TeamMember).countBy({ teamId, volunteerId })) > 0) return true;
    return (await this.ds.getRepository(Team).countBy({ id: teamId, leaderVolunteerId: volunteerId })) > 0;
  }

  /** Whether the signed-in user is the volunteer who leads the team (the leader shows its check-in code). */
  async isLeaderUser(teamId: number, userId: number): Promise<boolean> {
    const v = await this.volunteers.findByUserId(userId);
    if (!v || v.status !== 'active') return false;
    return (await this.ds.getRepository(Team).countBy({ id: teamId, leaderVolunteerId: v.id })) > 0;
  }

  /** The teams a volunteer belongs to or leads. */
  async teamIdsOf(volunteerId: number): Promise<number[]> {
    const member = await this.ds.getRepository(TeamMember).findBy({ volunteerId });
    const led = await this.ds.getRepository(Team).findBy({ leaderVolunteerId: volunteerId });
    return [...new Set([...member.map((m) => m.teamId), ...led.map((t) => t.id)])];
  }

  /** The teams of the given stations, by name (insurance filters its pick list by team). */
  findAtStations(stationIds: readonly number[]): Promise<TeamRecord[]> {
    if (stationIds.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(Team).find({ where: { stationId: In([...stationIds]) }, order: { name: 'ASC' } });
  }

  /** The members and the leader of a team. */
  async memberIds(teamId: number): Promise<number[]> {
    const members = await this.ds.getRepository(TeamMember).findBy({ teamId });
    const team = await this.ds.getRepository(Team).findOneBy({ id: teamId });
    return [
      ...new Set([...members.map((m) => m.volunteerId), ...(team?.leaderVolunteerId ? [team.leaderVolunteerId] : [])]),
    ];
  }

  /** Every team with its station, leader and member count (the dashboard's active teams, with the settled activities). */
  async withMemberCounts(): Promise<
    { id: number; stationId: number; leaderVolunteerId: number | null; members: number }[]
  > {
    const teams = await this.ds
      .getRepository(Team)
      .find({ select: { id: true, stationId: true, leaderVolunteerId: true }, order: { id: 'ASC' } });
    const counts: { teamId: number; count: string | number }[] = await this.ds
      .getRepository(TeamMember)
      .createQueryBuilder('m')
      .select('m.teamId', 'teamId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('m.teamId')
      .getRawMany();
    const byTeam = new Map(counts.map((c) => [Number(c.teamId), Number(c.count)]));
    return teams.map((t) => ({ ...t, members: byTeam.get(t.id) ?? 0 }));
  }
}
