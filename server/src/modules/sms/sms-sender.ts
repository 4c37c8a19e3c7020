import type { SmsTemplate } from '../../config/sms.config.js';

/** One text message to one mainland number (11 digits); `params` fill the template's {1}, {2}… in order. */
export interface SmsSendRequest {
  phone: string;
  template: SmsTemplate;
  params: string[];
  /** Echoed by the provider (SessionContext), so a delivery report can be matched: our message id. */
  requestId: string;
}

export interface SmsSendResult {
  /** The provider's serial number for this message. */
  providerId: string;
  status: 'sent';
}

/**
 * Why a send failed, as the delivery decides on it: `transient` (provider down, timeout, internal
 * error) and `rate_limited` (the provider's frequency limits) are tried again later; `invalid_number`,
 * `template_not_approved` and `rejected` (credentials, app, signature or parameters refused) end the
 * message as failed.
 */
export type SmsFailureKind = 'invalid_number' | 'rate_limited' | 'transient' | 'template_not_approved' | 'rejected';

export const RETRYABLE_SMS_FAILURES: readonly SmsFailureKind[] = ['transient', 'rate_limited'];

export class SmsFailure extends Error {
  constructor(
    readonly kind: SmsFailureKind,
    /** The provider's error code (e.g. `LimitExceeded.PhoneNumberDailyLimit`), or `Timeout` / `NetworkError`. */
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'SmsFailure';
  }

  get retryable(): boolean {
    return RETRYABLE_SMS_FAILURES.includes(this.kind);
  }
}

/**
 * The SMS channel's contract with a provider: sends one message, resolves with the provider's id or
 * throws an `SmsFailure`. `TencentCloudSmsSender` is the real one; unit specs may pass a fake.
 */
export abstract class SmsSender {
  abstract send(req: SmsSendRequest): Promise<SmsSendResult>;
}
