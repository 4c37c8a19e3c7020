import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InspectionPage, InspectionResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { ConfirmInspectionDto } from './inspections.dto.js';
import { InspectionsCompanyService } from './inspections-company.service.js';

/** A company manager reads the findings about their own company and confirms the rectification. */
@ApiTags('监督检查')
@Controller('company/inspections')
@Authenticated({ permission: 'company.self' })
export class InspectionsCompanyController {
  constructor(private readonly inspections: InspectionsCompanyService) {}

  @Get()
  @ApiOperation({ summary: '本单位需整改的检查' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<InspectionPage> {
    return this.inspections.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '本单位的检查详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<InspectionResponse> {
    return this.inspections.get(actor, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '单位确认整改' })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: ConfirmInspectionDto,
  ): Promise<InspectionResponse> {
    return this.inspections.confirm(actor, id, dto.note);
  }
}
