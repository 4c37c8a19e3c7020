import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { OrgModule } from '../org/org.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { WartimeController } from './wartime.controller.js';
import { WartimeService } from './wartime.service.js';
import { WartimeQueries } from './wartime-queries.js';
import { WartimeState } from './wartime-state.entity.js';

/** War-time states (战时, docs/callups.md#war-time): declared by a branch or the city over an area and a period. */
@Module({
  imports: [TypeOrmModule.forFeature([WartimeState]), AuditModule, OrgModule, VolunteersModule],
  controllers: [WartimeController],
  providers: [WartimeQueries, WartimeService],
  exports: [WartimeQueries],
})
export class WartimeModule {}
