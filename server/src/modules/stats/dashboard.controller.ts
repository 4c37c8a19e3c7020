import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  DashboardResponse,
  JoinRatePage,
  MissingGuardPage,
  OverdueApplicationPage,
  StationWithoutTeamPage,
  WeeklyRulePage,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { DashboardQueryDto } from './dashboard.dto.js';
import { DashboardListsService } from './dashboard-lists.service.js';
import { DashboardService } from './dashboard.service.js';

/** The bureau's view (docs/dashboard.md): figures of the viewer's unit and the lists behind them, all scoped. */
@ApiTags('工作看板')
@Controller('admin/dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly lists: DashboardListsService,
  ) {}

  @Get()
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '工作看板：本单位（或下级单位）的各项数据与目标' })
  view(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<DashboardResponse> {
    return this.dashboard.dashboard(actor, q.unitId);
  }

  @Get('join-rate')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '入会率下钻：下级单位，或派出所下的保安从业单位' })
  joinRate(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<JoinRatePage> {
    return this.lists.joinRate(actor, q);
  }

  @Get('companies/:id/missing')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '单位底数中尚未成为义警的保安员（脱敏）' })
  companyMissing(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Query() q: PageQueryDto,
  ): Promise<MissingGuardPage> {
    return this.lists.companyMissing(actor, id, q);
  }

  @Get('certified-missing')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '持证保安员中尚未成为义警的人员（脱敏）' })
  certifiedMissing(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<MissingGuardPage> {
    return this.lists.certifiedMissing(actor, q);
  }

  @Get('stations-without-team')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '没有活跃队伍的派出所' })
  stationsWithoutTeam(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<StationWithoutTeamPage> {
    return this.lists.stationsWithoutTeam(actor, q);
  }

  @Get('weekly-rule')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '每周巡防规则：各派出所本周及近 8 周' })
  weeklyRule(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<WeeklyRulePage> {
    return this.lists.weeklyRule(actor, q);
  }

  @Get('overdue-applications')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '超过审核时限的入会申请' })
  overdueApplications(@CurrentActor() actor: Actor, @Query() q: DashboardQueryDto): Promise<OverdueApplicationPage> {
    return this.lists.overdueApplications(actor, q);
  }
}
