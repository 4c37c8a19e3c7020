import { Module } from '@nestjs/common';
import { SmsSender } from './sms-sender.js';
import { SmsService } from './sms.service.js';
import { TencentCloudSmsSender } from './tencent-cloud-sms.sender.js';

/**
 * The SMS channel: `SmsService` (enqueue in the caller's transaction, counts per ref, the
 * `sms-delivery` job's body) over an `SmsSender` — Tencent Cloud SMS, or its sandbox outside production.
 */
@Module({
  providers: [SmsService, { provide: SmsSender, useClass: TencentCloudSmsSender }],
  exports: [SmsService],
})
export class SmsModule {}
