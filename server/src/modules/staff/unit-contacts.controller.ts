import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, type PipeTransform } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  UNIT_CONTACT_KINDS,
  type Page,
  type UnitContact,
  type UnitContactKind,
  type UnitContactsResponse,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { PageQueryDto } from '../../common/pagination.js';
import { UnitContactDto } from './staff.dto.js';
import { UnitContactsService } from './unit-contacts.service.js';

/** `:kind` is `responsible` (负责人) or `liaison` (联络员); anything else is a 400 naming the parameter. */
const ParseKindPipe: PipeTransform<string, UnitContactKind> = {
  transform(value: string): UnitContactKind {
    if ((UNIT_CONTACT_KINDS as readonly string[]).includes(value)) return value as UnitContactKind;
    throw new AppException(
      'VALIDATION_FAILED',
      [{ field: 'kind', message: '应为 responsible 或 liaison' }],
      '字段 kind：应为 responsible 或 liaison',
    );
  },
};

@ApiTags('单位联系人')
@Controller('admin/unit-contacts')
export class UnitContactsController {
  constructor(private readonly contacts: UnitContactsService) {}

  @Get()
  @Authenticated({ permission: 'contacts.read' })
  @ApiOperation({ summary: '本单位及下级分局、派出所的负责人和联络员（手机号脱敏）' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<UnitContactsResponse>> {
    return this.contacts.list(actor, q);
  }

  @Put(':orgUnitId/:kind')
  @Authenticated({ permission: 'contacts.manage' })
  @ApiParam({ name: 'kind', enum: UNIT_CONTACT_KINDS })
  @ApiOperation({ summary: '登记单位负责人或联络员（本单位或上级单位，记入操作日志）' })
  save(
    @CurrentActor() actor: Actor,
    @Param('orgUnitId', ParseIdPipe('orgUnitId')) orgUnitId: number,
    @Param('kind', ParseKindPipe) kind: UnitContactKind,
    @Body() dto: UnitContactDto,
  ): Promise<UnitContact> {
    return this.contacts.save(actor, orgUnitId, kind, dto);
  }

  @Post(':orgUnitId/:kind/reveal')
  @HttpCode(200)
  @Authenticated({ permission: 'pii.reveal' })
  @ApiParam({ name: 'kind', enum: UNIT_CONTACT_KINDS })
  @ApiOperation({ summary: '查看联系人完整手机号（记入操作日志）' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param('orgUnitId', ParseIdPipe('orgUnitId')) orgUnitId: number,
    @Param('kind', ParseKindPipe) kind: UnitContactKind,
  ): Promise<{ field: 'phone'; value: string | null }> {
    return this.contacts.reveal(actor, orgUnitId, kind);
  }
}
