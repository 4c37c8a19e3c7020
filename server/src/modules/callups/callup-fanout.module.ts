import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { CallupFanout } from './callup-fanout.service.js';
import { CallupFanoutWorker } from './callup-fanout.worker.js';
import { CallupDelivery } from './entities/callup-delivery.entity.js';

/**
 * Reaching a call-up's recipients (docs/callups.md#reaching-people): `CallupFanout` (enqueue in the call-up's
 * transaction, reach figures for the board) and this instance's `CallupFanoutWorker`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CallupDelivery]), NotificationsModule, SmsModule, VolunteersModule],
  providers: [CallupFanout, CallupFanoutWorker],
  exports: [CallupFanout, CallupFanoutWorker],
})
export class CallupFanoutModule {}
