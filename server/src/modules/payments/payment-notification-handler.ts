import type { VerifiedNotification } from './payment-notifications.js';

/**
 * What receives a verified WeChat Pay notification. The points mall implements it (marks its order paid
 * or refunded, idempotently) and registers it with `PaymentNotificationDispatcher.use()`; until then the
 * default handler records the notification (PaymentNotificationRecorder). Throwing makes the route answer
 * 500 with WeChat Pay's FAIL shape, so WeChat Pay sends the notification again later.
 */
export abstract class PaymentNotificationHandler {
  abstract handle(notification: VerifiedNotification): Promise<void>;
}
