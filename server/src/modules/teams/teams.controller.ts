import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyTeamSummary, Page, StationWithoutActiveTeam, TeamResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import type { Actor } from '../../common/auth/actor.js';
import { TeamDto, TeamListQueryDto } from './teams.dto.js';
import { TeamsService } from './teams.service.js';

@ApiTags('队伍')
@Controller('admin/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated({ permission: 'teams.read' })
  @ApiOperation({ summary: '队伍列表（本单位及下级），含是否活跃及原因' })
  list(@CurrentActor() actor: Actor, @Query() q: TeamListQueryDto): Promise<Page<TeamResponse>> {
    return this.teams.list(actor, q);
  }

  @Post()
  @Authenticated({ permission: 'teams.manage' })
  @ApiOperation({ summary: '新建队伍（队长、队员须为本所在册义警）' })
  create(@CurrentActor() actor: Actor, @Body() dto: TeamDto): Promise<TeamResponse> {
    return this.teams.create(actor, dto);
  }

  @Get('stations-without-active-team')
  @Authenticated({ permission: 'teams.read' })
  @ApiOperation({ summary: '没有活跃队伍的派出所（本单位及下级）' })
  stationsWithoutActiveTeam(@CurrentActor() actor: Actor): Promise<StationWithoutActiveTeam[]> {
    return this.teams.stationsWithoutActiveTeam(actor);
  }

  @Get(':id')
  @Authenticated({ permission: 'teams.read' })
  @ApiOperation({ summary: '队伍详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<TeamResponse> {
    return this.teams.get(actor, id);
  }

  /** PUT, not PATCH: the form sends the whole team, and WeChat's wx.request has no PATCH. */
  @Put(':id')
  @Authenticated({ permission: 'teams.manage' })
  @ApiOperation({ summary: '修改队伍（整表提交）' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: TeamDto,
  ): Promise<TeamResponse> {
    return this.teams.update(actor, id, dto);
  }
}

@ApiTags('队伍')
@Controller('me/teams')
export class MyTeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '我所在的队伍（队伍名称、类型、队长）' })
  mine(@CurrentActor() actor: Actor): Promise<MyTeamSummary[]> {
    return this.teams.mineByUser(actor.userId);
  }
}
