import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DisputePage, DisputeResponse, MediatorCandidate } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { DisputeMediationService } from './dispute-mediation.service.js';
import {
  AssignMediatorDto,
  CreateDisputeDto,
  CreateDisputeFromTipDto,
  DisputeOutcomeDto,
  DisputeQueryDto,
  DisputeStepDto,
} from './disputes.dto.js';
import { DisputesService } from './disputes.service.js';

/** The station's dispute case file (矛盾纠纷); another station's case reads as 404. */
@ApiTags('矛盾纠纷')
@Controller('admin/disputes')
@Authenticated({ permission: 'disputes.handle' })
export class DisputesAdminController {
  constructor(
    private readonly disputes: DisputesService,
    private readonly mediation: DisputeMediationService,
  ) {}

  @Get()
  @ApiOperation({ summary: '纠纷列表（本单位及下级；当事人姓名脱敏）' })
  list(@CurrentActor() actor: Actor, @Query() q: DisputeQueryDto): Promise<DisputePage> {
    return this.disputes.list(actor, q);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '登记纠纷' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDisputeDto): Promise<DisputeResponse> {
    return this.disputes.create(actor, dto);
  }

  @Post('from-tip')
  @HttpCode(200)
  @ApiOperation({ summary: '矛盾纠纷类线索转为纠纷（每条线索一次）' })
  fromTip(@CurrentActor() actor: Actor, @Body() dto: CreateDisputeFromTipDto): Promise<DisputeResponse> {
    return this.disputes.createFromTip(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: '纠纷详情（含工作记录）' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<DisputeResponse> {
    return this.disputes.get(actor, id);
  }

  @Get(':id/mediator-candidates')
  @ApiOperation({ summary: '可选调解员：本所具备调解技能的义警，按居住社区距离由近到远' })
  candidates(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MediatorCandidate[]> {
    return this.mediation.candidates(actor, id);
  }

  @Post(':id/mediator')
  @HttpCode(200)
  @ApiOperation({ summary: '指定调解员（通知该义警）' })
  mediator(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: AssignMediatorDto,
  ): Promise<DisputeResponse> {
    return this.mediation.assign(actor, id, dto.volunteerId);
  }

  @Post(':id/steps')
  @HttpCode(200)
  @ApiOperation({ summary: '记录调处工作（日期与内容）' })
  step(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DisputeStepDto,
  ): Promise<DisputeResponse> {
    return this.disputes.addStep(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: '结案：化解或上交派出所（确认调解员的提议或直接决定）' })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DisputeOutcomeDto,
  ): Promise<DisputeResponse> {
    return this.disputes.close(actor, id, dto);
  }
}
