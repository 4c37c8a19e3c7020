import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TipPlacesResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { TipPlacesQueryDto } from './tip-places.dto.js';
import { TipPlacesService } from './tip-places.service.js';

/** The officers' map of tip places: the chain's tips with a location, never who reported them. */
@ApiTags('情报线索')
@Controller('admin/tips')
@Authenticated({ permission: 'tips.handle' })
export class TipPlacesController {
  constructor(private readonly places: TipPlacesService) {}

  @Get('places')
  @ApiOperation({ summary: '线索地点（地图与按距离排列；不含提交人）' })
  list(@CurrentActor() actor: Actor, @Query() q: TipPlacesQueryDto): Promise<TipPlacesResponse> {
    return this.places.places(actor, q);
  }
}
