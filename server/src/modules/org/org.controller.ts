import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrgUnitNode } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { OrgService } from './org.service.js';

@ApiTags('组织机构')
@Controller('org-units')
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('tree')
  @Authenticated({ permission: 'org.read' })
  @ApiOperation({ summary: '本单位及下级单位的组织树' })
  tree(@CurrentActor() actor: Actor): Promise<OrgUnitNode[]> {
    return this.org.tree(actor);
  }
}
