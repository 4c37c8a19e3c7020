import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, StaffResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { StaffService } from './staff.service.js';
import { CreateStaffDto, RevealDto, StaffQueryDto } from './staff.dto.js';

@ApiTags('人员管理')
@Controller('admin/staff')
export class StaffAdminController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @Authenticated({ permission: 'staff.read' })
  @ApiOperation({ summary: '工作人员列表（本单位及下级单位）' })
  list(@CurrentActor() actor: Actor, @Query() q: StaffQueryDto): Promise<Page<StaffResponse>> {
    return this.staff.list(actor, q);
  }

  @Get(':id')
  @Authenticated({ permission: 'staff.read' })
  @ApiOperation({ summary: '工作人员详情；范围外返回 404' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<StaffResponse> {
    return this.staff.get(actor, id);
  }

  @Post()
  @Authenticated({ permission: 'staff.manage' })
  @ApiOperation({ summary: '开通工作人员账号（记入操作日志）' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto): Promise<StaffResponse> {
    return this.staff.create(actor, dto);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @Authenticated({ permission: 'pii.reveal' })
  @ApiOperation({ summary: '查看完整手机号（记入操作日志）' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: RevealDto,
  ): Promise<{ field: 'phone'; value: string | null }> {
    return this.staff.reveal(actor, id, dto.field);
  }
}
