import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CompanyResponse, Page, ServiceSiteResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { CompaniesService } from './companies.service.js';
import { CompanyQueryDto, CreateCompanyDto, ServiceSiteDto, UpdateCompanyDto } from './companies.dto.js';

@ApiTags('保安从业单位')
@Controller('admin/companies')
export class CompaniesAdminController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @Authenticated({ permission: 'companies.read' })
  @ApiOperation({ summary: '单位列表（所属派出所在本人范围内）' })
  list(@CurrentActor() actor: Actor, @Query() q: CompanyQueryDto): Promise<Page<CompanyResponse>> {
    return this.companies.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ permission: 'companies.read' })
  @ApiOperation({ summary: '单位详情（含驻勤点、装备资源）；范围外 404' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<CompanyResponse> {
    return this.companies.get(actor, id);
  }

  @Post()
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '登记单位（统一社会信用代码含校验位）；记入操作日志' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompanyDto): Promise<CompanyResponse> {
    return this.companies.create(actor, dto);
  }

  @Put(':id')
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '修改单位；记入操作日志' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateCompanyDto,
  ): Promise<CompanyResponse> {
    return this.companies.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '删除单位（仅当没有花名册、义警、申请引用它）；记入操作日志' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.companies.remove(actor, id);
  }

  @Delete(':id/sites/:siteId')
  @HttpCode(204)
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '删除驻勤点；记入操作日志' })
  async removeSite(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('siteId', ParseIntPipe) siteId: number,
  ): Promise<void> {
    await this.companies.removeSite(actor, id, siteId);
  }

  @Post(':id/sites')
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '新增驻勤点（地址、坐标、辖区派出所）' })
  addSite(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ServiceSiteDto,
  ): Promise<ServiceSiteResponse> {
    return this.companies.addSite(actor, id, dto);
  }

  @Put(':id/sites/:siteId')
  @Authenticated({ permission: 'companies.manage' })
  @ApiOperation({ summary: '修改驻勤点' })
  updateSite(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('siteId', ParseIntPipe) siteId: number,
    @Body() dto: ServiceSiteDto,
  ): Promise<ServiceSiteResponse> {
    return this.companies.updateSite(actor, id, siteId, dto);
  }
}
