import { Injectable } from '@nestjs/common';
import { PaymentNotificationHandler } from './payment-notification-handler.js';
import { PaymentNotificationRecorder } from './payment-notification-recorder.service.js';

/** Which handler receives verified notifications: the recorder until a module (the mall) registers its own. */
@Injectable()
export class PaymentNotificationDispatcher {
  private handler: PaymentNotificationHandler;

  constructor(recorder: PaymentNotificationRecorder) {
    this.handler = recorder;
  }

  /** Called once by the module that owns paid orders (in its onModuleInit). */
  use(handler: PaymentNotificationHandler): void {
    this.handler = handler;
  }

  current(): PaymentNotificationHandler {
    return this.handler;
  }
}
