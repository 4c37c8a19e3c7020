import { defineConfig, isProduction } from './config-area.js';

/**
 * Business dates are computed in BUSINESS_TIME_ZONE (default Asia/Shanghai); CLOCK_START fixes the
 * clock's first reading (tests, demos) and is refused in production.
 */
export const clockConfig = defineConfig('clock', (env, problems) => {
  const zone = env.BUSINESS_TIME_ZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    problems.push(`BUSINESS_TIME_ZONE "${zone}" is not an IANA time zone`);
  }
  let start: Date | null = null;
  if (env.CLOCK_START) {
    start = new Date(env.CLOCK_START);
    if (Number.isNaN(start.getTime())) problems.push(`CLOCK_START must be an ISO instant, got "${env.CLOCK_START}"`);
    if (isProduction(env)) problems.push('CLOCK_START (a fixed clock for tests and demos) is refused in production');
  }
  return { zone, start };
});

export type ClockConfig = ReturnType<typeof clockConfig>;
