import { defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/**
 * The call-up fan-out workers (docs/callups.md#reaching-people): CALLUP_FANOUT_WORKERS=on|off (default on: every
 * instance delivers; off on an instance that should only answer requests), CALLUP_FANOUT_POLL_MS (how often an
 * idle worker looks for due deliveries, default 1000), CALLUP_FANOUT_BATCH (rows one claim takes, default 100),
 * CALLUP_FANOUT_CONCURRENCY (pushes in flight per worker, default 8), CALLUP_FANOUT_LEASE_SECONDS (how long a
 * claim is left to its worker before another takes it over, default 60).
 */
export const callupFanoutConfig = defineConfig('callupFanout', (env, problems) => {
  const flag = env.CALLUP_FANOUT_WORKERS;
  if (flag !== undefined && flag !== '' && flag !== 'on' && flag !== 'off')
    problems.push(`CALLUP_FANOUT_WORKERS must be "on" or "off", got "${flag}"`);
  const { int } = envNumbers(env, problems);
  return {
    workers: flag !== 'off',
    pollMs: int('CALLUP_FANOUT_POLL_MS', 1000, 50, 600_000),
    batch: int('CALLUP_FANOUT_BATCH', 100, 1, 400),
    concurrency: int('CALLUP_FANOUT_CONCURRENCY', 8, 1, 64),
    leaseSeconds: int('CALLUP_FANOUT_LEASE_SECONDS', 60, 5, 3600),
  };
});

export type CallupFanoutConfig = ReturnType<typeof callupFanoutConfig>;
