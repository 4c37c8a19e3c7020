import { Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ensureEmbeddedAppendOnly } from '../../database/append-only.js';
import { LEDGER_TABLE } from './append-only.js';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsLotUse } from './entities/points-lot-use.entity.js';
import { PointsLots } from './points-lots.js';
import { PointsExpiry } from './points-expiry.js';
import { PointsAdjustmentsService } from './points-adjustments.service.js';
import { PointsLedgerService } from './points-ledger.service.js';
import { PointsController } from './points.controller.js';
import { PointsService } from './points.service.js';
import { PointsLiabilityQuery } from './points-liability.query.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { OrgModule } from '../org/org.module.js';

/** Points ledger (docs/product.md#points): append-only entries, cached balances, reversals, points issued per org. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PointsLedgerEntry, PointsAccount, PointsLot, PointsLotUse]),
    VolunteersModule,
    OrgModule,
  ],
  controllers: [PointsController],
  providers: [
    PointsLedgerService,
    PointsLots,
    PointsService,
    PointsAdjustmentsService,
    PointsLiabilityQuery,
    PointsExpiry,
  ],
  exports: [PointsLedgerService, PointsLiabilityQuery, PointsExpiry],
})
export class PointsModule implements OnModuleInit {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async onModuleInit(): Promise<void> {
    await ensureEmbeddedAppendOnly(this.ds, LEDGER_TABLE);
  }
}
