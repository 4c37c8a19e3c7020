import { Body, Controller, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  CompiledStageReport,
  MyNarrative,
  NarrativeResponse,
  StageDetail,
  StageResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { attachment, XLSX_TYPE } from './report-xlsx.js';
import { NarrativeDto, StageDto } from './reports.dto.js';
import { StageCompiler } from './stage-compile.js';
import { StagesService } from './stages.service.js';

@ApiTags('阶段工作情况')
@Controller('admin/report-stages')
export class StagesController {
  constructor(
    private readonly stages: StagesService,
    private readonly compiler: StageCompiler,
  ) {}

  @Get()
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '阶段列表（截止日期新的在前），含本单位及下级的提交、逾期、未提交数' })
  list(@CurrentActor() actor: Actor): Promise<StageResponse[]> {
    return this.stages.list(actor);
  }

  @Post()
  @Authenticated({ permission: 'reports.manage' })
  @ApiOperation({ summary: '新建阶段（市局：名称、截止日期；记入操作日志）' })
  create(@CurrentActor() actor: Actor, @Body() dto: StageDto): Promise<StageResponse> {
    return this.stages.create(actor, dto);
  }

  @Get(':id')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '阶段详情：本单位及下级应交单位、逾期和未提交名单' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<StageDetail> {
    return this.stages.detail(actor, id);
  }

  @Get(':id/narratives')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '本单位及下级已提交的工作情况' })
  narratives(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<NarrativeResponse[]> {
    return this.stages.narratives(actor, id);
  }

  @Get(':id/narratives/:orgId')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '一个单位的工作情况（本单位及下级；其他单位 404）' })
  narrative(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Param('orgId', ParseIdPipe()) orgId: number,
  ): Promise<NarrativeResponse> {
    return this.stages.narrative(actor, id, orgId);
  }

  @Get(':id/my-narrative')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '本单位本阶段的工作情况（分局、派出所填写）' })
  mine(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<MyNarrative> {
    return this.stages.mine(actor, id);
  }

  @Put(':id/my-narrative')
  @Authenticated({ permission: 'reports.write' })
  @ApiOperation({ summary: '填写或修改本单位的工作情况（截止日期之后首次提交记为逾期；记入操作日志）' })
  write(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: NarrativeDto,
  ): Promise<NarrativeResponse> {
    return this.stages.write(actor, id, dto);
  }

  @Get(':id/compile')
  @Authenticated({ permission: 'reports.manage' })
  @ApiOperation({ summary: '汇编（市局）：截止日期当日的各项数据、各分局和派出所的工作情况、逾期和未提交名单' })
  compile(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CompiledStageReport> {
    return this.compiler.compile(actor, id);
  }

  @Get(':id/export')
  @Authenticated({ permission: 'reports.manage' })
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '导出汇编 .xlsx（汇总表、每个分局一张表、逾期与未提交；记入操作日志）' })
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const file = await this.compiler.exportXlsx(actor, id);
    res.header('Content-Type', XLSX_TYPE);
    res.header('Content-Disposition', attachment('stage-report.xlsx', file.name));
    res.send(file.data);
  }
}
