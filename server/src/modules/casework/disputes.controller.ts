import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DisputePage, DisputeResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { DisputeMediationService } from './dispute-mediation.service.js';
import { DisputeOutcomeDto, DisputeStepDto } from './disputes.dto.js';

/** The mediator's cases: only those they were chosen for; any other reads as 404. */
@ApiTags('矛盾纠纷')
@Controller('me/disputes')
@Authenticated()
export class DisputesController {
  constructor(private readonly mediation: DisputeMediationService) {}

  @Get()
  @ApiOperation({ summary: '我调解的纠纷' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<DisputePage> {
    return this.mediation.listMine(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '我调解的纠纷详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<DisputeResponse> {
    return this.mediation.mine(actor, id);
  }

  @Post(':id/steps')
  @HttpCode(200)
  @ApiOperation({ summary: '记录调解情况' })
  step(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DisputeStepDto,
  ): Promise<DisputeResponse> {
    return this.mediation.addMyStep(actor, id, dto);
  }

  @Post(':id/propose')
  @HttpCode(200)
  @ApiOperation({ summary: '提出调解结果（化解或上交），由民警确认' })
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DisputeOutcomeDto,
  ): Promise<DisputeResponse> {
    return this.mediation.propose(actor, id, dto);
  }
}
