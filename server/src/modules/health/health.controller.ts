import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@jianghuai/shared';
import { Public } from '../../common/auth/authenticated.decorator.js';
import { appConfig, type AppConfig } from '../../config/app.config.js';
import { databaseConfig, type DatabaseConfig } from '../../config/database.config.js';
import { Clock } from '../../common/clock/clock.js';

@ApiTags('系统')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(databaseConfig.KEY) private readonly db: DatabaseConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查（含数据库状态）；数据库不可用时返回 503' })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthResponse> {
    const started = performance.now();
    let up = false;
    try {
      await this.dataSource.query('SELECT 1');
      up = true;
    } catch {
      up = false;
    }
    if (!up) res.status(503);
    return {
      status: up ? 'ok' : 'degraded',
      db: {
        status: up ? 'up' : 'down',
        type: this.db.type,
        latencyMs: up ? Math.round((performance.now() - started) * 100) / 100 : null,
      },
      version: this.app.version,
      time: this.clock.now().toISOString(),
    };
  }
}
