import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ResetPasswordResponse, StaffResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { StaffService } from './staff.service.js';
import { StaffAccountsService } from './staff-accounts.service.js';
import { CreateStaffDto, RevealDto, StaffQueryDto, StaffStatusDto, UpdateStaffDto } from './staff.dto.js';

@ApiTags('人员管理')
@Controller('admin/staff')
export class StaffAdminController {
  constructor(
    private readonly staff: StaffService,
    private readonly accounts: StaffAccountsService,
  ) {}

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

  @Put(':id')
  @Authenticated({ permission: 'staff.manage' })
  @ApiOperation({ summary: '调整角色和所属单位（角色须适合单位级别；不能调整本人；记入操作日志）' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: UpdateStaffDto,
  ): Promise<StaffResponse> {
    await this.accounts.update(actor, id, dto);
    return this.staff.get(actor, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Authenticated({ permission: 'staff.manage' })
  @ApiOperation({ summary: '停用或启用账号；停用后该账号的登录立即失效（记入操作日志）' })
  async setStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe()) id: number,
    @Body() dto: StaffStatusDto,
  ): Promise<StaffResponse> {
    await this.accounts.setStatus(actor, id, dto.status);
    return this.staff.get(actor, id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Authenticated({ permission: 'staff.manage' })
  @ApiOperation({ summary: '重置密码：服务器生成临时密码，只在本次返回一次（记入操作日志，不含密码）' })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<ResetPasswordResponse> {
    return this.accounts.resetPassword(actor, id);
  }
}
