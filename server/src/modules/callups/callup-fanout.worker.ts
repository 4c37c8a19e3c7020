import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { logger } from '../../common/logging/logger.js';
import { callupFanoutConfig, type CallupFanoutConfig } from '../../config/callup-fanout.config.js';
import { SmsService } from '../sms/sms.service.js';
import { CallupFanout, type FanoutRun } from './callup-fanout.service.js';

/**
 * The fan-out worker of this instance (docs/adr/0008-callup-fanout.md). Woken right after a transaction that
 * enqueued deliveries commits (a TypeORM subscriber reads the mark `CallupFanout.enqueue` left on the query
 * runner), and by a poll every CALLUP_FANOUT_POLL_MS for retries, taken-over claims and other instances' call-ups.
 * It claims a batch, delivers it, and goes on while rows are due; the texts it put in the SMS outbox are sent
 * at once by the SMS module's own claimed delivery rather than waiting for the `sms-delivery` job's minute.
 * CALLUP_FANOUT_WORKERS=off leaves this instance to answer requests only.
 */
@Injectable()
export class CallupFanoutWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private texting: Promise<void> | null = null;
  private textsAgain = false;

  constructor(
    private readonly fanout: CallupFanout,
    private readonly sms: SmsService,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(callupFanoutConfig.KEY) private readonly config: CallupFanoutConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.workers) return;
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (!data?.callupFanout) return;
        delete data.callupFanout;
        this.kick();
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        const data = event.queryRunner.data as Record<string, unknown> | undefined;
        if (data?.callupFanout) delete data.callupFanout;
      },
    };
    this.ds.subscribers.push(subscriber);
    this.schedulePoll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  /** Resolves when this instance's run and its texts in flight have ended (tests, shutdown). */
  async idle(): Promise<void> {
    await this.running;
    await this.texting;
  }

  /** Delivers what is due now, on this instance; a kick while a run is going makes it look once more. */
  kick(): void {
    if (this.stopped || !this.config.workers) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }

  /** Claims and delivers until nothing is due (tests call it to run a worker by hand). Returns the totals. */
  async drain(): Promise<FanoutRun> {
    const total: FanoutRun = { claimed: 0, written: 0, pushed: 0, textsQueued: 0 };
    do {
      this.again = false;
      while (!this.stopped) {
        let run: FanoutRun;
        try {
          run = await this.fanout.deliver(await this.fanout.claim());
        } catch (err) {
          logger.warn({ error: String(err) }, 'call-up fan-out run failed');
          break;
        }
        if (run.claimed === 0) break;
        total.claimed += run.claimed;
        total.written += run.written;
        total.pushed += run.pushed;
        total.textsQueued += run.textsQueued;
        if (run.textsQueued) this.sendTexts();
      }
    } while (this.again && !this.stopped);
    return total;
  }

  /** Sends the SMS outbox's due texts now, one run of the SMS module after another while it finds some. */
  private sendTexts(): void {
    if (this.texting) {
      this.textsAgain = true;
      return;
    }
    this.texting = (async () => {
      do {
        this.textsAgain = false;
        for (;;) {
          const r = await this.sms.deliverDue().catch((err: unknown) => {
            logger.warn({ error: String(err) }, 'call-up texts run failed');
            return null;
          });
          if (this.stopped || !r || r.smsSent + r.smsRetrying + r.smsFailed + r.smsOverLimit === 0) break;
        }
      } while (this.textsAgain && !this.stopped);
    })().finally(() => {
      this.texting = null;
    });
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.kick();
      this.schedulePoll();
    }, this.config.pollMs);
    this.timer.unref();
  }
}
