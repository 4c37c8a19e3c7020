import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncidentReportPage, IncidentReportResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { FileIncidentReportDto } from './incidents.dto.js';
import { IncidentReportsService } from './incident-reports.service.js';

/** A company manager reports major events to the company's station and follows them. */
@ApiTags('重大事项报送')
@Controller('company/incident-reports')
@Authenticated({ permission: 'company.self' })
export class IncidentsCompanyController {
  constructor(private readonly reports: IncidentReportsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '报送重大事项（同一请求号重复提交返回同一份报送）' })
  file(@CurrentActor() actor: Actor, @Body() dto: FileIncidentReportDto): Promise<IncidentReportResponse> {
    return this.reports.file(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: '本单位的报送' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<IncidentReportPage> {
    return this.reports.listMine(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '本单位的报送详情（受理与处置情况）' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<IncidentReportResponse> {
    return this.reports.mine(actor, id);
  }
}
