import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Rotating check-in QR code: `<activityId>.<slot>.<mac>` where slot = ⌊time / slotSeconds⌋ and
 * mac = HMAC-SHA256(secret, activityId.slot). Stateless (any instance can mint and verify), and a
 * token is accepted only in its own slot and the next one, so a captured code is useless after
 * at most two slots (about a minute with 30-s slots).
 */
export class CheckinQr {
  constructor(
    private readonly secret: Buffer,
    readonly slotSeconds: number,
  ) {}

  slotAt(at: Date): number {
    return Math.floor(at.getTime() / 1000 / this.slotSeconds);
  }

  mint(activityId: number, at: Date): { token: string; refreshAt: Date } {
    const slot = this.slotAt(at);
    return {
      token: `${activityId}.${slot}.${this.mac(activityId, slot)}`,
      refreshAt: new Date((slot + 1) * this.slotSeconds * 1000),
    };
  }

  verify(token: string, activityId: number, at: Date): 'ok' | 'invalid' | 'expired' | 'wrong_activity' {
    const m = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/.exec(token.trim());
    if (!m) return 'invalid';
    const tokenActivity = Number(m[1]);
    const slot = Number(m[2]);
    const expected = Buffer.from(this.mac(tokenActivity, slot));
    const given = Buffer.from(m[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    if (tokenActivity !== activityId) return 'wrong_activity';
    const now = this.slotAt(at);
    return slot === now || slot === now - 1 ? 'ok' : 'expired';
  }

  private mac(activityId: number, slot: number): string {
    return createHmac('sha256', this.secret).update(`${activityId}.${slot}`).digest('base64url').slice(0, 22);
  }
}
