import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JobLeaseResponse, JobRunResponse } from '@jianghuai/shared';
import { Authenticated, CurrentActor } from '../../common/auth/authenticated.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { JobsService } from './jobs.service.js';

@ApiTags('定时任务')
@Controller('admin/jobs')
export class JobsAdminController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Authenticated({ permission: 'jobs.run' })
  @ApiOperation({ summary: '定时任务及其租约、上次运行结果' })
  list(): Promise<JobLeaseResponse[]> {
    return this.jobs.leasesOverview();
  }

  @Post(':name/run')
  @HttpCode(200)
  @Authenticated({ permission: 'jobs.run' })
  @ApiOperation({ summary: '立即运行一个定时任务（取得数据库租约后运行；租约被占用时 ran=false）；记入操作日志' })
  run(@CurrentActor() actor: Actor, @Param('name') name: string): Promise<JobRunResponse> {
    return this.jobs.runAsStaff(actor, name);
  }
}
