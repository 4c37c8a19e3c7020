import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, RankingResponse, RankingSummary } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { RankingsService } from './rankings.service.js';
import { attachment, rankingWorkbook, XLSX_TYPE } from './report-xlsx.js';
import { RankingListQueryDto, RankingPublishDto } from './reports.dto.js';

@ApiTags('晒比通报')
@Controller('admin/rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get()
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '已发布的晒比通报（新的在前）' })
  list(@CurrentActor() actor: Actor, @Query() q: RankingListQueryDto): Promise<Page<RankingSummary>> {
    return this.rankings.list(actor, q);
  }

  @Post()
  @Authenticated({ permission: 'reports.manage' })
  @ApiOperation({ summary: '发布晒比通报（市局：统计期间内各分局、派出所排名，与上期对比；记入操作日志）' })
  publish(@CurrentActor() actor: Actor, @Body() dto: RankingPublishDto): Promise<RankingResponse> {
    return this.rankings.publish(actor, dto);
  }

  @Get('latest')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '最新一期晒比通报' })
  latest(@CurrentActor() actor: Actor): Promise<RankingResponse> {
    return this.rankings.latest(actor);
  }

  @Get(':id')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '一期晒比通报' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<RankingResponse> {
    return this.rankings.get(actor, id);
  }

  @Get(':id/export')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '导出一期晒比通报 .xlsx（分局、派出所各一张表；记入操作日志）' })
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const ranking = await this.rankings.get(actor, id);
    await this.rankings.recordExport(actor, ranking);
    res.header('Content-Type', XLSX_TYPE);
    res.header('Content-Disposition', attachment('ranking.xlsx', `${ranking.title}.xlsx`));
    res.send(await rankingWorkbook(ranking));
  }
}
