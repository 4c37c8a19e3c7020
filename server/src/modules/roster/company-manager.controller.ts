import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyCompanyResponse, Page, RosterGuardResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { RosterService } from './roster.service.js';
import { RosterQueryDto } from './roster.dto.js';

/** The company manager's own view: their company's guards and join rate, nothing else. */
@ApiTags('保安从业单位')
@Controller('company/mine')
export class CompanyManagerController {
  constructor(private readonly roster: RosterService) {}

  @Get()
  @Authenticated({ permission: 'company.self' })
  @ApiOperation({ summary: '本单位信息与入会率（底数 vs 已成为义警）' })
  mine(@CurrentActor() actor: Actor): Promise<MyCompanyResponse> {
    return this.roster.myCompany(actor);
  }

  @Get('guards')
  @Authenticated({ permission: 'company.self' })
  @ApiOperation({ summary: '本单位保安员名单（是否已加入）' })
  guards(@CurrentActor() actor: Actor, @Query() q: RosterQueryDto): Promise<Page<RosterGuardResponse>> {
    return this.roster.myCompanyGuards(actor, q);
  }
}
