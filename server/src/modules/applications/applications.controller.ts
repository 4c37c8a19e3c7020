import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AgreementResponse,
  ApplicationDraftResponse,
  MyApplicationResponse,
  OrgUnitNode,
} from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { ApplicationsService } from './applications.service.js';
import { SaveDraftDto, SubmitApplicationDto } from './applications.dto.js';

@ApiTags('义警申请')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get('agreement')
  @Authenticated()
  @ApiOperation({ summary: '当前版本的义警服务协议' })
  agreement(): AgreementResponse {
    return this.applications.agreement();
  }

  @Get('communities')
  @Authenticated()
  @ApiOperation({ summary: '派出所及其社区（选择居住社区用）' })
  communities(): Promise<OrgUnitNode[]> {
    return this.applications.communities();
  }

  @Get('draft')
  @Authenticated()
  @ApiOperation({ summary: '读取未填完的申请草稿' })
  getDraft(@CurrentActor() actor: Actor): Promise<ApplicationDraftResponse> {
    return this.applications.getDraft(actor);
  }

  @Put('draft')
  @Authenticated()
  @ApiOperation({ summary: '保存申请草稿（加密保存，提交成功后删除）' })
  saveDraft(@CurrentActor() actor: Actor, @Body() dto: SaveDraftDto): Promise<ApplicationDraftResponse> {
    return this.applications.saveDraft(actor, dto.draft);
  }

  @Delete('draft')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: '删除申请草稿' })
  async deleteDraft(@CurrentActor() actor: Actor): Promise<void> {
    await this.applications.deleteDraft(actor);
  }

  @Post()
  @Authenticated()
  @ApiOperation({
    summary: '提交申请：自动校验身份证、年龄、是否已是义警/在审、取消资格冷静期、声明与协议；花名册持证保安走绿色通道',
  })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitApplicationDto): Promise<MyApplicationResponse> {
    return this.applications.submit(actor, dto);
  }

  @Get('mine')
  @Authenticated()
  @ApiOperation({ summary: '我的申请（最近一份；没有时为 null）：状态、不通过原因、义警编号' })
  mine(@CurrentActor() actor: Actor): Promise<MyApplicationResponse | null> {
    return this.applications.mine(actor);
  }

  @Put('mine')
  @Authenticated()
  @ApiOperation({ summary: '修改未通过的申请并重新提交' })
  resubmit(@CurrentActor() actor: Actor, @Body() dto: SubmitApplicationDto): Promise<MyApplicationResponse> {
    return this.applications.resubmit(actor, dto);
  }
}
