import { businessDate } from '@jianghuai/shared';

/**
 * The e2e suites' "now". `E2E_CLOCK_START` (an ISO instant, e.g. 2026-11-30T23:30:00Z) runs a
 * suite at a fixed instant: every app the suite starts gets `CLOCK_START` so that its Clock reads
 * the same as this one, and the tests build their dates from `testNow()` instead of `Date.now()`.
 * One offset per test file (jest loads this module once per file), so the suite's apps and its
 * own code agree to the millisecond while time runs on.
 */
const start = process.env.E2E_CLOCK_START ? new Date(process.env.E2E_CLOCK_START) : null;
if (start && Number.isNaN(start.getTime()))
  throw new Error(`E2E_CLOCK_START must be an ISO instant, got "${process.env.E2E_CLOCK_START}"`);
const offsetMs = start ? start.getTime() - Date.now() : 0;

export const testNowMs = (): number => Date.now() + offsetMs;
export const testNow = (): Date => new Date(testNowMs());
/** Today (YYYY-MM-DD) in Asia/Shanghai by the test clock, the app's business date. */
export const testToday = (): string => businessDate(testNow());
/** The CLOCK_START for an app created now, or null when the suite runs on the real time. */
export const clockStartForApp = (): string | null => (start ? testNow().toISOString() : null);
