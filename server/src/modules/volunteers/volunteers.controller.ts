import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VolunteerCardResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { VolunteerArchiveService } from './volunteer-archive.service.js';

@ApiTags('义警档案')
@Controller('me')
export class VolunteersController {
  constructor(private readonly archive: VolunteerArchiveService) {}

  @Get('volunteer-card')
  @Authenticated()
  @ApiOperation({ summary: '我的义警证（编号、层级、星级、技能证书、装备、最近履职）；非义警 404' })
  card(@CurrentActor() actor: Actor): Promise<VolunteerCardResponse> {
    return this.archive.myCard(actor);
  }
}
