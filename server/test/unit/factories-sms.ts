import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { smsConfig } from '../../src/config/sms.config.js';
import {
  SmsFailure,
  SmsSender,
  type SmsFailureKind,
  type SmsSendRequest,
  type SmsSendResult,
} from '../../src/modules/sms/sms-sender.js';
import { SmsService } from '../../src/modules/sms/sms.service.js';
import { unitPii } from './factories.js';

/** A provider stand-in for unit specs: records what it was asked to send; `failWith` fails the next sends. */
export class FakeSmsSender extends SmsSender {
  readonly sent: SmsSendRequest[] = [];
  readonly failures: { kind: SmsFailureKind; code: string }[] = [];

  failWith(kind: SmsFailureKind, code: string, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ kind, code });
  }

  async send(req: SmsSendRequest): Promise<SmsSendResult> {
    const failure = this.failures.shift();
    if (failure) throw new SmsFailure(failure.kind, failure.code, 'fake failure');
    this.sent.push(req);
    return { providerId: `fake-${this.sent.length}`, status: 'sent' };
  }
}

/** The real SMS service on the unit database, with the SMS settings `env` names and a fake provider. */
export function unitSms(
  ds: DataSource,
  clock: Clock,
  sender: SmsSender = new FakeSmsSender(),
  env: Record<string, string> = {},
): SmsService {
  return new SmsService(ds, readArea(smsConfig.read, { NODE_ENV: 'test', ...env }), sender, unitPii, clock);
}
