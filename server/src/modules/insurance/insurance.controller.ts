import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  EnrolResponse,
  InsuranceCandidateFilters,
  InsuranceCandidatePage,
  MyInsuranceResponse,
  Page,
  PolicyResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { CandidateQueryDto, CreatePolicyDto, EnrolActivityDto, EnrolDto } from './insurance.dto.js';
import { InsuranceCandidates } from './insurance-candidates.js';
import { InsuranceService } from './insurance.service.js';

@ApiTags('保险')
@Controller()
export class InsuranceController {
  constructor(
    private readonly insurance: InsuranceService,
    private readonly candidates: InsuranceCandidates,
  ) {}

  @Get('me/insurance')
  @Authenticated()
  @ApiOperation({ summary: '我的保险' })
  mine(@CurrentActor() actor: Actor): Promise<MyInsuranceResponse> {
    return this.insurance.mine(actor);
  }

  @Post('admin/insurance-policies')
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '登记保单' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePolicyDto): Promise<PolicyResponse> {
    return this.insurance.create(actor, dto);
  }

  @Get('admin/insurance-policies')
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '保单列表（本单位及下级）' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<PolicyResponse>> {
    return this.insurance.list(actor, q);
  }

  @Get('admin/insurance-policies/:id')
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '保单详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<PolicyResponse> {
    return this.insurance.get(actor, id);
  }

  @Get('admin/insurance-policies/:id/candidates')
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '可投保的义警（本范围内在册义警，可按姓名/编号/手机尾号、派出所、队伍、等级、未投保筛选）' })
  listCandidates(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Query() q: CandidateQueryDto,
  ): Promise<InsuranceCandidatePage> {
    return this.candidates.list(actor, id, q);
  }

  @Get('admin/insurance-policies/:id/candidate-filters')
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '可投保义警的筛选项：本范围内的派出所和队伍' })
  candidateFilters(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
  ): Promise<InsuranceCandidateFilters> {
    return this.candidates.filters(actor, id);
  }

  @Post('admin/insurance-policies/:id/enrolments')
  @HttpCode(200)
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '批量投保义警' })
  enrol(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: EnrolDto,
  ): Promise<EnrolResponse> {
    return this.insurance.enrol(actor, id, dto.volunteerIds);
  }

  @Post('admin/insurance-policies/:id/enrol-activity')
  @HttpCode(200)
  @Authenticated({ permission: 'insurance.manage' })
  @ApiOperation({ summary: '为活动的全部报名成功者投保' })
  enrolActivity(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: EnrolActivityDto,
  ): Promise<EnrolResponse> {
    return this.insurance.enrolActivity(actor, id, dto.activityId);
  }
}
