import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentReportPage, IncidentReportResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { ClassifyIncidentDto, DisposeIncidentDto, IncidentQueryDto } from './incidents.dto.js';
import { IncidentsAdminService } from './incidents-admin.service.js';

/** Major-event reports for the station's chain; another station's report reads as 404. */
@ApiTags('重大事项报送')
@Controller('admin/incident-reports')
@Authenticated({ permission: 'incidents.handle' })
export class IncidentsAdminController {
  constructor(private readonly reports: IncidentsAdminService) {}

  @Get()
  @ApiOperation({ summary: '报送列表（可筛选超时报送、超时未受理）' })
  list(@CurrentActor() actor: Actor, @Query() q: IncidentQueryDto): Promise<IncidentReportPage> {
    return this.reports.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '报送详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<IncidentReportResponse> {
    return this.reports.get(actor, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '受理' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<IncidentReportResponse> {
    return this.reports.acknowledge(actor, id);
  }

  @Post(':id/classify')
  @HttpCode(200)
  @ApiOperation({ summary: '定性分类（受理后）' })
  classify(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: ClassifyIncidentDto,
  ): Promise<IncidentReportResponse> {
    return this.reports.classify(actor, id, dto.classification);
  }

  @Post(':id/dispose')
  @HttpCode(200)
  @ApiOperation({ summary: '记录处置情况（受理后）' })
  dispose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: DisposeIncidentDto,
  ): Promise<IncidentReportResponse> {
    return this.reports.dispose(actor, id, dto.disposal);
  }
}
