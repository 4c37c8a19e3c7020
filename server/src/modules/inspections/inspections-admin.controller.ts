import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InspectionPage, InspectionResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { InspectionQueryDto, RecordInspectionDto, RectifyInspectionDto } from './inspections.dto.js';
import { InspectionsService } from './inspections.service.js';

/** Inspections of the companies in the officer's area; another area's inspection reads as 404. */
@ApiTags('监督检查')
@Controller('admin/inspections')
@Authenticated({ permission: 'inspections.manage' })
export class InspectionsAdminController {
  constructor(private readonly inspections: InspectionsService) {}

  @Get()
  @ApiOperation({ summary: '检查记录（可筛选逾期未整改），附逾期数' })
  list(@CurrentActor() actor: Actor, @Query() q: InspectionQueryDto): Promise<InspectionPage> {
    return this.inspections.list(actor, q);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '记录一次监督检查' })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordInspectionDto): Promise<InspectionResponse> {
    return this.inspections.record(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: '检查详情' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<InspectionResponse> {
    return this.inspections.get(actor, id);
  }

  @Post(':id/rectify')
  @HttpCode(200)
  @ApiOperation({ summary: '记录整改完成' })
  rectify(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: RectifyInspectionDto,
  ): Promise<InspectionResponse> {
    return this.inspections.rectify(actor, id, dto);
  }
}
