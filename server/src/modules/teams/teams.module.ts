import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { TeamActivityCounts } from './team-activity-counts.js';
import { TeamMember } from './team-member.entity.js';
import { TeamQueries } from './team-queries.js';
import { Team } from './team.entity.js';
import { MyTeamsController, TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';

/** Teams (docs/product.md#teams): a station's teams, their leader and members, and whether they are active. */
@Module({
  imports: [TypeOrmModule.forFeature([Team, TeamMember]), OrgModule, VolunteersModule],
  controllers: [TeamsController, MyTeamsController],
  providers: [TeamsService, TeamQueries, TeamActivityCounts],
  exports: [TeamsService, TeamQueries, TeamActivityCounts],
})
export class TeamsModule {}
