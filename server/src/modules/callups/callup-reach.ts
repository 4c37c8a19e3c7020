import { Injectable } from '@nestjs/common';
import type { BoardResponse } from '@jianghuai/shared';
import { CallupFanout, type RecipientReach } from './callup-fanout.service.js';

/** The reach part of a board: its counts and each recipient's channels. */
export interface BoardReach {
  counts: Pick<BoardResponse['counts'], 'reachedPush' | 'reachedSms' | 'unreachablePush'>;
  byRecipient: Map<number, RecipientReach>;
}

/**
 * The board's reading of the fan-out's records (docs/callups.md#reaching-people): reached by push = the subscribe
 * message was sent; by text = the text went into the SMS outbox for a phone on file; unreachable by push = no
 * consent left or the push failed for good (they still get the in-app message and the text).
 */
@Injectable()
export class CallupReach {
  constructor(private readonly fanout: CallupFanout) {}

  async forBoard(callupId: number): Promise<BoardReach> {
    const c = await this.fanout.reachCounts(callupId);
    return {
      counts: { reachedPush: c.pushSent, reachedSms: c.smsQueued, unreachablePush: c.pushNoConsent + c.pushFailed },
      byRecipient: await this.fanout.reachByRecipient(callupId),
    };
  }
}
