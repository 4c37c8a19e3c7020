import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { OrgModule } from '../org/org.module.js';
import { TargetQueries } from './target-queries.js';
import { Target } from './target.entity.js';
import { TargetsController } from './targets.controller.js';
import { TargetsService } from './targets.service.js';

/** Targets (docs/reports.md#targets): the city's figures to reach and their due dates, each change kept. */
@Module({
  imports: [TypeOrmModule.forFeature([Target]), OrgModule, AuditModule],
  controllers: [TargetsController],
  providers: [TargetsService, TargetQueries],
  exports: [TargetQueries],
})
export class TargetsModule {}
