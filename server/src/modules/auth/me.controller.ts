import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { ActorLoader } from './actor-loader.service.js';
import { toMeResponse } from './me.mapper.js';

@ApiTags('登录')
@Controller('me')
export class MeController {
  constructor(
    private readonly actors: ActorLoader,
    private readonly pii: PiiCipher,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '我是谁：角色、所属单位、义警身份' })
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const person = await this.actors.loadPerson(actor.userId);
    if (!person) throw AppException.unauthenticated();
    return toMeResponse(person, this.pii);
  }
}
