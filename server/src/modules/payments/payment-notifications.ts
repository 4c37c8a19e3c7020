import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { paymentsConfig, type PaymentsConfig } from '../../config/payments.config.js';
import { decryptResource, headerOf, platformSignatureValid, type EncryptedResource } from './wechat-pay-signing.js';
import type { PayRefund, PayTransaction } from './wechat-pay.client.js';

/** How far a notification's Wechatpay-Timestamp may be from our clock (WeChat Pay's own advice). */
export const NOTIFICATION_MAX_SKEW_SECONDS = 5 * 60;

export type NotificationRefusal = 'unknown_serial' | 'stale' | 'bad_signature' | 'malformed' | 'undecryptable';

/** A notification that did not verify: answered 401 with WeChat Pay's FAIL shape, and nothing recorded. */
export class PaymentNotificationRefused extends Error {
  constructor(readonly reason: NotificationRefusal) {
    super(`WeChat Pay notification refused: ${reason}`);
    this.name = 'PaymentNotificationRefused';
  }
}

interface NotificationBase {
  /** WeChat Pay's notification id: the same for every retry of one notification */
  id: string;
  /** e.g. TRANSACTION.SUCCESS, REFUND.SUCCESS */
  eventType: string;
  createTime: string;
  summary: string;
}
export type VerifiedNotification =
  | (NotificationBase & { kind: 'transaction'; transaction: PayTransaction })
  | (NotificationBase & { kind: 'refund'; refund: PayRefund });

interface NotificationEnvelope {
  id?: unknown;
  create_time?: unknown;
  event_type?: unknown;
  resource_type?: unknown;
  summary?: unknown;
  resource?: EncryptedResource;
}

/**
 * Verifies a WeChat Pay notification exactly as received: the platform key named by Wechatpay-Serial
 * (public-key mode: one configured serial; any other is refused), the signature over
 * `timestamp\nnonce\nbody\n` on the raw bytes, a timestamp within 5 minutes of the Clock (the library
 * does not check freshness, so a captured notification could be replayed forever), then AES-256-GCM
 * decryption of `resource` with the APIv3 key, whose tag refuses any change to the ciphertext.
 */
@Injectable()
export class PaymentNotifications {
  constructor(
    @Inject(paymentsConfig.KEY) private readonly config: PaymentsConfig,
    private readonly clock: Clock,
  ) {}

  verify(rawBody: string, headers: Record<string, string | string[] | undefined>): VerifiedNotification {
    const message = {
      timestamp: headerOf(headers, 'wechatpay-timestamp'),
      nonce: headerOf(headers, 'wechatpay-nonce'),
      signature: headerOf(headers, 'wechatpay-signature'),
      serial: headerOf(headers, 'wechatpay-serial').toLowerCase(),
      body: rawBody,
    };
    if (!message.serial || message.serial !== this.config.platformSerial)
      throw new PaymentNotificationRefused('unknown_serial');
    const ts = Number(message.timestamp);
    if (
      !/^\d{1,12}$/.test(message.timestamp) ||
      Math.abs(this.clock.nowMs() / 1000 - ts) > NOTIFICATION_MAX_SKEW_SECONDS
    )
      throw new PaymentNotificationRefused('stale');
    if (!platformSignatureValid(message, this.config.platformPublicKey))
      throw new PaymentNotificationRefused('bad_signature');
    return this.open(rawBody);
  }

  private open(rawBody: string): VerifiedNotification {
    let envelope: NotificationEnvelope;
    try {
      envelope = JSON.parse(rawBody) as NotificationEnvelope;
    } catch {
      throw new PaymentNotificationRefused('malformed');
    }
    const { id, event_type: eventType, resource } = envelope;
    if (typeof id !== 'string' || !id || typeof eventType !== 'string' || !resource || typeof resource !== 'object')
      throw new PaymentNotificationRefused('malformed');
    let plain: unknown;
    try {
      plain = JSON.parse(decryptResource(resource, this.config.apiV3Key));
    } catch {
      throw new PaymentNotificationRefused('undecryptable');
    }
    const base = {
      id,
      eventType,
      createTime: String(envelope.create_time ?? ''),
      summary: String(envelope.summary ?? ''),
    };
    if (eventType.startsWith('REFUND.')) return { ...base, kind: 'refund', refund: plain as PayRefund };
    if (eventType.startsWith('TRANSACTION.'))
      return { ...base, kind: 'transaction', transaction: plain as PayTransaction };
    throw new PaymentNotificationRefused('malformed');
  }
}
