import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditLogResponse, Page } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from './audit.service.js';
import { AuditQueryDto } from './audit-query.dto.js';

@ApiTags('操作日志')
@Controller('admin/audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ permission: 'audit.read' })
  @ApiOperation({ summary: '操作日志（本单位及下级单位）' })
  list(@CurrentActor() actor: Actor, @Query() q: AuditQueryDto): Promise<Page<AuditLogResponse>> {
    return this.audit.list(actor, q);
  }
}
