import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BoardResponse, CallupQrResponse, SpeedResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import { ParseIdPipe } from '../../common/errors/parse-id.pipe.js';
import { CallupBoardService } from './callup-board.service.js';
import { CallupSpeedQueryDto } from './callup-responses.dto.js';

/** The live board of a call-up, its rally QR and the response speed per unit (scoped: out of scope is 404). */
@ApiTags('调度指令（民警）')
@Controller('admin')
@Authenticated({ permission: 'callups.read' })
export class CallupsBoardController {
  constructor(private readonly board: CallupBoardService) {}

  @Get('callups/:id/board')
  @ApiOperation({ summary: '实时看板：应答人数、触达、接受、拒绝、到达、反馈、名单与时间、响应速度' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<BoardResponse> {
    return this.board.board(actor, id);
  }

  @Get('callups/:id/qr')
  @ApiOperation({ summary: '集合点轮换二维码（每 30 秒更换），义警扫码签到' })
  qr(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe()) id: number): Promise<CallupQrResponse> {
    return this.board.qrCode(actor, id);
  }

  @Get('callup-speed')
  @ApiOperation({ summary: '响应速度：按派出所或分局，所选日期内发出的指令，接受与到达用时的中位数和 90% 分位' })
  speed(@CurrentActor() actor: Actor, @Query() q: CallupSpeedQueryDto): Promise<SpeedResponse> {
    return this.board.speedByUnit(actor, q);
  }
}
