/**
 * The officer's rotating check-in code: how long the shown token still stands, and when to fetch
 * the next one. The server says when it rotates (`refreshAt`); the phone's clock may be off, so
 * the countdown is measured from when the token arrived, using the server's slot length.
 */
export interface QrTokenState {
  token: string;
  /** Phone time (ms) when the token arrived. */
  receivedAt: number;
  /** Milliseconds the server said were left when it answered (refreshAt − server now). */
  validForMs: number;
}

/** Seconds left before the next token, never negative, rounded up (shows 30 … 1, then 0). */
export function secondsLeft(state: QrTokenState, nowMs: number): number {
  const left = state.receivedAt + state.validForMs - nowMs;
  return left <= 0 ? 0 : Math.ceil(left / 1000);
}

export function shouldRefresh(state: QrTokenState | null, nowMs: number): boolean {
  return !state || secondsLeft(state, nowMs) === 0;
}

/**
 * Time the token stands, from the server's answer. `serverNowMs` comes from the Date header when
 * there is one; without it the full slot is assumed (at worst the code refreshes a little late,
 * and the server still accepts a token for about a minute).
 */
export function validForMs(refreshAtIso: string, slotSeconds: number, serverNowMs: number | null): number {
  const slotMs = slotSeconds * 1000;
  const refreshAt = Date.parse(refreshAtIso);
  if (serverNowMs === null || Number.isNaN(refreshAt)) return slotMs;
  return Math.max(1000, Math.min(slotMs, refreshAt - serverNowMs));
}

/** The token split into groups of four for reading aloud or typing by hand. */
export function groupToken(token: string): string {
  return token.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Progress bar width in percent. */
export function countdownPercent(left: number, slotSeconds: number): number {
  if (slotSeconds <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((left / slotSeconds) * 100)));
}
