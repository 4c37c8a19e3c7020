import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { PointsModule } from '../points/points.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ActivitiesModule } from '../activities/activities.module.js';
import { WartimeModule } from '../wartime/wartime.module.js';
import { CallupDrawsService } from './callup-draws.service.js';
import { CallupPlansService } from './callup-plans.service.js';
import { CallupTargeting } from './callup-targeting.js';
import { CallupViews } from './callup-views.js';
import { CallupsAdminController } from './callups-admin.controller.js';
import { CallupsService } from './callups.service.js';
import { CallupDraw } from './entities/callup-draw.entity.js';
import { CallupPlan } from './entities/callup-plan.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import { Callup } from './entities/callup.entity.js';
import { UsersModule } from '../users/users.module.js';
import { CallupFanoutModule } from './callup-fanout.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { CallupBoardService } from './callup-board.service.js';
import { CallupPhotoPolicy } from './callup-photo-policy.js';
import { CallupQrCodes } from './callup-qr.js';
import { CallupReach } from './callup-reach.js';
import { CallupResponsesService } from './callup-responses.service.js';
import { CallupSpeedQueries } from './callup-speed.queries.js';
import { CallupsBoardController } from './callups-board.controller.js';
import { CallupsController } from './callups.controller.js';

/**
 * Call-ups (调度指令, docs/callups.md): officers send orders to the volunteers matching a target; they answer, arrive
 * and report; response plans launch one in a step; another branch may lend volunteers (抽调).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Callup, CallupRecipient, CallupPlan, CallupDraw]),
    CallupFanoutModule,
    UsersModule,
    AuditModule,
    FilesModule,
    NotificationsModule,
    OrgModule,
    PointsModule,
    SmsModule,
    TeamsModule,
    VolunteersModule,
    WartimeModule,
    ActivitiesModule,
  ],
  controllers: [CallupsAdminController, CallupsController, CallupsBoardController],
  providers: [
    CallupTargeting,
    CallupViews,
    CallupsService,
    CallupPlansService,
    CallupDrawsService,
    CallupResponsesService,
    CallupBoardService,
    CallupQrCodes,
    CallupReach,
    CallupSpeedQueries,
    CallupPhotoPolicy,
  ],
  exports: [CallupSpeedQueries],
})
export class CallupsModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly photoPolicy: CallupPhotoPolicy,
  ) {}

  /** Who may read a call-up report's photos is decided here (files imports no module). */
  onModuleInit(): void {
    this.purposes.register(this.photoPolicy);
  }
}
