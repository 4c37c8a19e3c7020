import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrgModule } from '../org/org.module.js';
import { PointsModule } from '../points/points.module.js';
import { UsersModule } from '../users/users.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { TipEvent } from './entities/tip-event.entity.js';
import { TipMessage } from './entities/tip-message.entity.js';
import { TipPhoto } from './entities/tip-photo.entity.js';
import { Tip } from './entities/tip.entity.js';
import { TipEscalation } from './tip-escalation.js';
import { TipGradingService } from './tip-grading.service.js';
import { TipMapper } from './tip-mapper.js';
import { TipPhotoPolicy } from './tip-photo-policy.js';
import { TipPlacesController } from './tip-places.controller.js';
import { TipPlacesService } from './tip-places.service.js';
import { TipQueries } from './tip-queries.js';
import { TipsAdminController } from './tips-admin.controller.js';
import { TipsAdminService } from './tips-admin.service.js';
import { TipsController } from './tips.controller.js';
import { TipsService } from './tips.service.js';

/** Tips (docs/product.md#tips, docs/tips.md): volunteers report, the responsible police chain handles. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Tip, TipPhoto, TipMessage, TipEvent]),
    AuditModule,
    FilesModule,
    NotificationsModule,
    OrgModule,
    PointsModule,
    UsersModule,
    VolunteersModule,
  ],
  controllers: [TipsController, TipsAdminController, TipPlacesController],
  providers: [
    TipsService,
    TipsAdminService,
    TipGradingService,
    TipMapper,
    TipPhotoPolicy,
    TipEscalation,
    TipQueries,
    TipPlacesService,
  ],
  exports: [TipEscalation, TipQueries],
})
export class TipsModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly photoPolicy: TipPhotoPolicy,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.photoPolicy);
  }
}
