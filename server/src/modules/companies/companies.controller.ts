import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CompanyOption } from '@jianghuai/shared';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { CompaniesService } from './companies.service.js';

@ApiTags('保安从业单位')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @Authenticated()
  @ApiQuery({ name: 'q', required: false, description: '单位名称包含' })
  @ApiOperation({ summary: '申请时可选的单位和驻勤点（最多 50 个）' })
  options(@Query('q') q?: string): Promise<CompanyOption[]> {
    return this.companies.options(typeof q === 'string' ? q.slice(0, 50) : undefined);
  }
}
