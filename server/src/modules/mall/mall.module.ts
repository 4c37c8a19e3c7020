import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FilePurposes } from '../files/file-purposes.js';
import { FilesModule } from '../files/files.module.js';
import { OrgModule } from '../org/org.module.js';
import { PaymentNotificationDispatcher } from '../payments/payment-notification-dispatcher.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { PointsModule } from '../points/points.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { MallHolding } from './entities/mall-holding.entity.js';
import { MallOrder } from './entities/mall-order.entity.js';
import { MallPayment } from './entities/mall-payment.entity.js';
import { MallProduct } from './entities/mall-product.entity.js';
import { MallRefund } from './entities/mall-refund.entity.js';
import { MallBillCheck } from './entities/mall-bill-check.entity.js';
import { MallAdminController } from './mall-admin.controller.js';
import { MallImagePolicy } from './mall-image-policy.js';
import { MallOrdersService } from './mall-orders.service.js';
import { MallPaymentNotificationHandler } from './mall-payments-notifications.js';
import { MallPaymentsController } from './mall-payments.controller.js';
import { MallPaymentsService } from './mall-payments.service.js';
import { MallProductsService } from './mall-products.service.js';
import { MallTradeBill } from './mall-reconcile-bill.js';
import { MallPayReconcile } from './mall-reconcile.js';
import { MallRefundsController } from './mall-refunds.controller.js';
import { MallRefundsService } from './mall-refunds.service.js';
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
    TypeOrmModule.forFeature([MallProduct, MallOrder, MallHolding, MallPayment, MallRefund, MallBillCheck]),
    AuditModule,
    FilesModule,
    OrgModule,
    PointsModule,
    VolunteersModule,
    NotificationsModule,
    UsersModule,
    PaymentsModule,
  ],
  controllers: [
    MallController,
    MallAdminController,
    MallOrdersAdminController,
    MallPickupController,
    MallPaymentsController,
    MallRefundsController,
  ],
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
    // payment of the cash part, refunds, reconciliation
    MallPaymentsService,
    MallRefundsService,
    MallPaymentNotificationHandler,
    MallPayReconcile,
    MallTradeBill,
  ],
  exports: [MallOrdersService, MallPayReconcile, MallRefundsService, MallTradeBill],
})
export class MallModule implements OnModuleInit {
  constructor(
    private readonly purposes: FilePurposes,
    private readonly imagePolicy: MallImagePolicy,
    private readonly payDispatcher: PaymentNotificationDispatcher,
    private readonly payHandler: MallPaymentNotificationHandler,
  ) {}

  onModuleInit(): void {
    this.purposes.register(this.imagePolicy);
    // verified WeChat Pay notifications mark orders paid and complete refunds (docs/mall.md#payment)
    this.payDispatcher.use(this.payHandler);
  }
}
