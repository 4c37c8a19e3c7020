import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CallupQrResponse } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { callupsConfig, type CallupsConfig } from '../../config/callups.config.js';

export type CallupQrVerdict = 'ok' | 'invalid' | 'expired' | 'wrong_callup';

/**
 * The rotating rally-point QR code of a call-up, made the way the activities' check-in code is:
 * `c<callupId>.<slot>.<mac>` where slot = ⌊time / slotSeconds⌋ and mac = HMAC-SHA256(secret, callup.id.slot)
 * with a key of its own. Stateless (any instance mints and verifies); a code is accepted in its own slot and
 * the next one only, so a photo of it is useless after about a minute.
 */
export class CallupQr {
  constructor(
    private readonly secret: Buffer,
    readonly slotSeconds: number,
  ) {}

  slotAt(at: Date): number {
    return Math.floor(at.getTime() / 1000 / this.slotSeconds);
  }

  mint(callupId: number, at: Date): { token: string; refreshAt: Date } {
    const slot = this.slotAt(at);
    return {
      token: `c${callupId}.${slot}.${this.mac(callupId, slot)}`,
      refreshAt: new Date((slot + 1) * this.slotSeconds * 1000),
    };
  }

  verify(token: string, callupId: number, at: Date): CallupQrVerdict {
    const m = /^c(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/.exec(token.trim());
    if (!m) return 'invalid';
    const tokenCallup = Number(m[1]);
    const slot = Number(m[2]);
    const expected = Buffer.from(this.mac(tokenCallup, slot));
    const given = Buffer.from(m[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    if (tokenCallup !== callupId) return 'wrong_callup';
    const now = this.slotAt(at);
    return slot === now || slot === now - 1 ? 'ok' : 'expired';
  }

  private mac(callupId: number, slot: number): string {
    return createHmac('sha256', this.secret).update(`callup.${callupId}.${slot}`).digest('base64url').slice(0, 22);
  }
}

/** The call-up's QR code as the app uses it: keyed and timed by configuration, read from the injected Clock. */
@Injectable()
export class CallupQrCodes {
  private readonly qr: CallupQr;

  constructor(
    @Inject(callupsConfig.KEY) config: CallupsConfig,
    private readonly clock: Clock,
  ) {
    this.qr = new CallupQr(config.qrSecret, config.qrSlotSeconds);
  }

  /** The code to show now for an open call-up (CALLUP_CLOSED once it is closed). */
  mint(callup: { id: number; status: string }): CallupQrResponse {
    if (callup.status !== 'open') throw new AppException('CALLUP_CLOSED');
    const { token, refreshAt } = this.qr.mint(callup.id, this.clock.now());
    return { token, slotSeconds: this.qr.slotSeconds, refreshAt: refreshAt.toISOString() };
  }

  verify(token: string, callupId: number): CallupQrVerdict {
    return this.qr.verify(token, callupId, this.clock.now());
  }
}
