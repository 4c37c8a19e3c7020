import { createHmac } from 'node:crypto';
import { defineConfig, isProduction } from './config-area.js';
import { envNumbers } from './env-number.js';
import { jwtSecretOf } from './jwt.config.js';

/**
 * Activity rules that are configuration, not code (every default number is configuration):
 * ACTIVITY_* variables, read once at boot and validated; a bad value stops the server with its name.
 */
export interface ActivitiesConfig {
  /** Check-in opens this many minutes before the start (default 30). */
  checkinEarlyMinutes: number;
  /** No check-out by end + this many minutes → automatic check-out, flagged (default 60). */
  autoCheckoutGraceMinutes: number;
  /** The phone's reported accuracy widens the radius by at most this much (default 100 m). */
  checkinAccuracyCapM: number;
  defaultRadiusM: number;
  /** Points factor of an approved proposal, percent (ACTIVITY_PROPOSAL_POINTS_SCALE=0.8 → 80). */
  proposalPointsPct: number;
  /** Proposals one person may have waiting for the station at a time (default 3). */
  proposalOpenLimit: number;
  /** Points factor of 战时 activities, percent (ACTIVITY_WARTIME_POINTS_MULTIPLIER=2 → 200). */
  wartimePointsPct: number;
  qrSlotSeconds: number;
  /** HMAC key of the rotating check-in QR code, derived from JWT_SECRET unless ACTIVITY_QR_SECRET is set. */
  qrSecret: Buffer;
  weeklyRuleMinimum: number;
  /** The reminder goes to confirmed sign-ups of activities starting within this many minutes (default 60). */
  reminderMinutesBefore: number;
}

export const activitiesConfig = defineConfig('activities', (env, problems): ActivitiesConfig => {
  const { int, num } = envNumbers(env, problems);
  const qrSecretRaw = env.ACTIVITY_QR_SECRET;
  if (isProduction(env) && qrSecretRaw !== undefined && qrSecretRaw.length < 32)
    problems.push('ACTIVITY_QR_SECRET must be at least 32 characters');
  return {
    checkinEarlyMinutes: int('ACTIVITY_CHECKIN_EARLY_MINUTES', 30, 0, 24 * 60),
    autoCheckoutGraceMinutes: int('ACTIVITY_AUTO_CHECKOUT_GRACE_MINUTES', 60, 0, 24 * 60),
    checkinAccuracyCapM: int('ACTIVITY_CHECKIN_ACCURACY_CAP_M', 100, 0, 5000),
    defaultRadiusM: int('ACTIVITY_DEFAULT_RADIUS_M', 300, 10, 50_000),
    proposalPointsPct: Math.round(num('ACTIVITY_PROPOSAL_POINTS_SCALE', 0.8, 0, 1) * 100),
    proposalOpenLimit: int('ACTIVITY_PROPOSAL_OPEN_LIMIT', 3, 1, 100),
    wartimePointsPct: Math.round(num('ACTIVITY_WARTIME_POINTS_MULTIPLIER', 2, 1, 10) * 100),
    qrSlotSeconds: int('ACTIVITY_QR_SLOT_SECONDS', 30, 5, 600),
    qrSecret: createHmac('sha256', qrSecretRaw || jwtSecretOf(env))
      .update('jianghuai:activity-checkin-qr:v1')
      .digest(),
    weeklyRuleMinimum: int('ACTIVITY_WEEKLY_RULE_MINIMUM', 1, 0, 100),
    reminderMinutesBefore: int('ACTIVITY_REMINDER_MINUTES_BEFORE', 60, 5, 24 * 60),
  };
});
