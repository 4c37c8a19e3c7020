import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { OrgModule } from '../org/org.module.js';
import { PointsModule } from '../points/points.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { MallHolding } from './entities/mall-holding.entity.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallAdminController } from './mall-admin.controller.js';
import { MallImagePolicy } from './mall-image-policy.js';
import { MallOrdersService } from './mall-orders.service.js';
import { MallProductsService } from './mall-products.service.js';
import { MallStock } from './mall-stock.js';
import { MallController } from './mall.controller.js';
import { MallOrdersExport } from './mall-export.js';
import { MallOrdersAdminController } from './mall-orders-admin.controller.js';
import { MallOrderNames } from './mall-orders-admin.names.js';
import { MallOrdersAdminService } from './mall-orders-admin.service.js';
import { MallPickupMisses } from './mall-pickup-misses.js';
import { MallPickupController } from './mall-pickup.controller.js';
import { MallPickupService } from './mall-pickup.service.js';
import { MallStatsService } from './mall-stats.service.js';

/** The points mall (docs/mall.md): products per org, redemption orders for points and an optional cash part. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MallProduct, MallOrder, MallHolding]),
    AuditModule,
    FilesModule,
    OrgModule,
    PointsModule,
    VolunteersModule,
    NotificationsModule,
    UsersModule,
  ],
  controllers: [MallController, MallAdminController, MallOrdersAdminController, MallPickupController],
  providers: [
    MallProductsService,
    MallOrdersService,
    MallStock,
    MallImagePolicy,
    // pickup, staff order views, export, statistics
    MallOrdersAdminService,
    MallOrderNames,
    MallPickupService,
    MallPickupMisses,
    MallOrdersExport,
    MallStatsService,
  ],
  exports: [MallOrdersService],
})
export class MallModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly imagePolicy: MallImagePolicy,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.imagePolicy);
  }
}
