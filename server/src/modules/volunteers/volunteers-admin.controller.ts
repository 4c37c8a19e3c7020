import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  AssignmentResponse,
  ExemptionResponse,
  Page,
  RevealPiiResponse,
  VolunteerArchiveResponse,
  VolunteerListItem,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { VolunteerArchiveService } from './volunteer-archive.service.js';
import { TalentPoolService } from './talent-pool.service.js';
import {
  CriminalCheckDto,
  ExemptionDto,
  ReassignDto,
  TalentPoolQueryDto,
  UpdateVolunteerDto,
  VolunteerQueryDto,
  VolunteerRevealDto,
} from './volunteers.dto.js';

@ApiTags('义警档案')
@Controller('admin')
export class VolunteersAdminController {
  constructor(
    private readonly archive: VolunteerArchiveService,
    private readonly talent: TalentPoolService,
  ) {}

  @Get('volunteers')
  @Authenticated({ permission: 'volunteers.read' })
  @ApiOperation({ summary: '义警列表（管理派出所或居住社区在本人范围内）' })
  list(@CurrentActor() actor: Actor, @Query() q: VolunteerQueryDto): Promise<Page<VolunteerListItem>> {
    return this.archive.list(actor, q);
  }

  @Get('volunteers/:id')
  @Authenticated({ permission: 'volunteers.read' })
  @ApiOperation({ summary: '义警档案；范围外 404' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<VolunteerArchiveResponse> {
    return this.archive.get(actor, id);
  }

  @Put('volunteers/:id')
  @Authenticated({ permission: 'volunteers.manage' })
  @ApiOperation({ summary: '编辑档案（层级、编组、技能证书、装备、联系人、状态）；记入操作日志' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateVolunteerDto,
  ): Promise<VolunteerArchiveResponse> {
    return this.archive.update(actor, id, dto);
  }

  @Post('volunteers/:id/reveal')
  @HttpCode(200)
  @Authenticated({ permission: 'pii.reveal' })
  @ApiOperation({ summary: '查看完整身份证号、手机号或紧急联系人电话（记入操作日志）' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: VolunteerRevealDto,
  ): Promise<RevealPiiResponse> {
    return this.archive.reveal(actor, id, dto.field, dto.contact);
  }

  @Get('volunteers/:id/assignments')
  @Authenticated({ permission: 'volunteers.read' })
  @ApiOperation({ summary: '管理派出所调整历史' })
  history(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AssignmentResponse[]> {
    return this.archive.history(actor, id);
  }

  @Post('volunteers/:id/reassign')
  @Authenticated({ permission: 'volunteers.manage' })
  @ApiOperation({ summary: '调整管理派出所（须填原因；跨分局需接收分局确认）' })
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReassignDto,
  ): Promise<AssignmentResponse> {
    return this.archive.reassign(actor, id, dto);
  }

  @Post('volunteers/:id/exemptions')
  @Authenticated({ permission: 'volunteers.manage' })
  @ApiOperation({ summary: '登记特殊情况（原因 + 截止日期），期间不因未履职取消资格' })
  exemption(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ExemptionDto,
  ): Promise<ExemptionResponse> {
    return this.archive.addExemption(actor, id, dto);
  }

  @Post('volunteers/:id/criminal-checks')
  @Authenticated({ permission: 'volunteers.manage' })
  @ApiOperation({ summary: '记录年度违法犯罪记录复核；未通过则暂停义警资格' })
  recheck(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriminalCheckDto,
  ): Promise<VolunteerArchiveResponse> {
    return this.archive.recordRecheck(actor, id, dto);
  }

  @Get('talent-pool')
  @Authenticated({ permission: 'talent.read' })
  @ApiOperation({ summary: '人才资源库：按技能、区域、层级、可调用检索' })
  search(@CurrentActor() actor: Actor, @Query() q: TalentPoolQueryDto): Promise<Page<VolunteerListItem>> {
    return this.talent.search(actor, q);
  }

  @Get('talent-pool/export')
  @Authenticated({ permission: 'talent.read' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '导出人才资源库 .xlsx（同检索条件，最多 10000 行；记入操作日志）' })
  async export(@CurrentActor() actor: Actor, @Query() q: TalentPoolQueryDto, @Res() res: FastifyReply): Promise<void> {
    const buf = await this.talent.export(actor, q);
    res.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.header(
      'Content-Disposition',
      `attachment; filename="talent-pool.xlsx"; filename*=UTF-8''${encodeURIComponent('人才资源库.xlsx')}`,
    );
    res.send(buf);
  }
}
