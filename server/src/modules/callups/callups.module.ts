import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { PointsModule } from '../points/points.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { WartimeModule } from '../wartime/wartime.module.js';
import { CallupDraw } from './entities/callup-draw.entity.js';
import { CallupPlan } from './entities/callup-plan.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import { Callup } from './entities/callup.entity.js';

/**
 * Call-ups (调度指令, docs/callups.md): officers send orders to the volunteers matching a target; they answer, arrive
 * and report; response plans launch one in a step; another branch may lend volunteers (抽调).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Callup, CallupRecipient, CallupPlan, CallupDraw]),
    AuditModule,
    FilesModule,
    NotificationsModule,
    OrgModule,
    PointsModule,
    SmsModule,
    TeamsModule,
    VolunteersModule,
    WartimeModule,
  ],
  controllers: [],
  providers: [],
})
export class CallupsModule {}
