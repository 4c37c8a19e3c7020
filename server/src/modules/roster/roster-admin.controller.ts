import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ROSTER_MAX_FILE_BYTES,
  type Page,
  type RosterGuardResponse,
  type RosterImportResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { readUploadedFile } from '../../common/http/uploaded-file.js';
import { RosterImportService } from './roster-import.service.js';
import { RosterService } from './roster.service.js';
import { RosterQueryDto } from './roster.dto.js';

@ApiTags('保安员底数')
@Controller('admin/roster')
export class RosterAdminController {
  constructor(
    private readonly importer: RosterImportService,
    private readonly roster: RosterService,
  ) {}

  @Post('import')
  @HttpCode(200)
  @Authenticated({ permission: 'roster.import' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: '.xlsx 或 UTF-8 .csv；列：姓名、身份证号、保安员证号、所属单位、是否持证',
        },
      },
    },
  })
  @ApiOperation({
    summary: '导入保安员花名册：全部行无误才整体生效；有错误行时返回 422 ROSTER_IMPORT_INVALID 及每行原因',
  })
  async import(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<RosterImportResponse> {
    const file = await readUploadedFile(req, 'file', ROSTER_MAX_FILE_BYTES);
    if (!file?.buffer.length) throw new AppException('ROSTER_FILE_REQUIRED');
    return this.importer.import(actor, file.buffer);
  }

  @Get()
  @Authenticated({ permission: 'roster.read' })
  @ApiOperation({ summary: '花名册（单位所属派出所在本人范围内；身份证号脱敏）' })
  list(@CurrentActor() actor: Actor, @Query() q: RosterQueryDto): Promise<Page<RosterGuardResponse>> {
    return this.roster.list(actor, q);
  }
}
