import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AssignmentResponse, Page } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { PageQueryDto } from '../../common/pagination.js';
import { StationAssignmentService } from './station-assignment.service.js';
import { DeclineTransferDto } from './volunteers.dto.js';

@ApiTags('义警档案')
@Controller('admin/assignments')
export class AssignmentsAdminController {
  constructor(private readonly assignments: StationAssignmentService) {}

  @Get('incoming')
  @Authenticated({ permission: 'transfers.accept' })
  @ApiOperation({ summary: '待本分局接收的跨分局调整' })
  incoming(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<AssignmentResponse>> {
    return this.assignments.incoming(actor, q);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authenticated({ permission: 'transfers.accept' })
  @ApiOperation({ summary: '接收跨分局调整；记入操作日志' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<AssignmentResponse> {
    return this.assignments.accept(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Authenticated({ permission: 'transfers.accept' })
  @ApiOperation({ summary: '拒绝跨分局调整（须填原因）' })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DeclineTransferDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.decline(actor, id, dto);
  }
}
