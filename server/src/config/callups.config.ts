import { createHmac } from 'node:crypto';
import { defineConfig, isProduction } from './config-area.js';
import { envNumbers } from './env-number.js';
import { jwtSecretOf } from './jwt.config.js';

/**
 * Call-up answers and the live board (docs/callups.md): CALLUP_* variables, read once at boot and validated.
 * The war-time factor of call-up points is the activities' one (ACTIVITY_WARTIME_POINTS_MULTIPLIER).
 */
export interface CallupsConfig {
  /** Points for a call-up, credited once per recipient when the report is filed after arrival (default 10). */
  points: number;
  /** The rotating rally-point QR code changes every this many seconds (default 30). */
  qrSlotSeconds: number;
  /** HMAC key of the rally-point QR code, derived from JWT_SECRET unless CALLUP_QR_SECRET is set. */
  qrSecret: Buffer;
  /** The board lists at most this many people, newest changes first (the counts are always exact; default 500). */
  boardPeopleLimit: number;
}

export const callupsConfig = defineConfig('callups', (env, problems): CallupsConfig => {
  const { int } = envNumbers(env, problems);
  const qrSecretRaw = env.CALLUP_QR_SECRET;
  if (isProduction(env) && qrSecretRaw !== undefined && qrSecretRaw.length < 32)
    problems.push('CALLUP_QR_SECRET must be at least 32 characters');
  return {
    points: int('CALLUP_POINTS', 10, 0, 10_000),
    qrSlotSeconds: int('CALLUP_QR_SLOT_SECONDS', 30, 5, 600),
    qrSecret: createHmac('sha256', qrSecretRaw || jwtSecretOf(env))
      .update('jianghuai:callup-rally-qr:v1')
      .digest(),
    boardPeopleLimit: int('CALLUP_BOARD_PEOPLE_LIMIT', 500, 10, 5000),
  };
});
