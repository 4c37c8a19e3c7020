import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { OrgModule } from '../org/org.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { RankingEntry } from './entities/ranking-entry.entity.js';
import { RankingPublication } from './entities/ranking-publication.entity.js';
import { ReportStage } from './entities/report-stage.entity.js';
import { StageNarrative } from './entities/stage-narrative.entity.js';
import { RankingsController } from './rankings.controller.js';
import { RankingsService } from './rankings.service.js';
import { ReportUnits } from './report-units.js';
import { StageCompiler } from './stage-compile.js';
import { StagesController } from './stages.controller.js';
import { StagesService } from './stages.service.js';

/** Stage reports and the ranking (docs/reports.md): built on the dashboard's figures as of a date. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportStage, StageNarrative, RankingPublication, RankingEntry]),
    OrgModule,
    AuditModule,
    StatsModule,
    TargetsModule,
  ],
  controllers: [StagesController, RankingsController],
  providers: [StagesService, StageCompiler, RankingsService, ReportUnits],
})
export class ReportsModule {}
