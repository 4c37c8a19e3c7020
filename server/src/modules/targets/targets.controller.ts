import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TargetHistoryEntry, TargetResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { SetTargetDto } from './targets.dto.js';
import { TargetsService } from './targets.service.js';

@ApiTags('工作目标')
@Controller('admin/targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '各项工作目标及完成期限（未设定的用默认值）' })
  current(): Promise<TargetResponse[]> {
    return this.targets.current();
  }

  @Post()
  @Authenticated({ permission: 'targets.manage' })
  @ApiOperation({ summary: '设定一项目标（市局；新增一条记录，旧值留作历史，记入操作日志）' })
  set(@CurrentActor() actor: Actor, @Body() dto: SetTargetDto): Promise<TargetResponse> {
    return this.targets.set(actor, dto);
  }

  @Get(':key/history')
  @Authenticated({ permission: 'dashboard.read' })
  @ApiOperation({ summary: '一项目标的历次设定（新的在前）' })
  history(@Param('key') key: string): Promise<TargetHistoryEntry[]> {
    return this.targets.history(key);
  }
}
