import { defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/** Tips (docs/product.md#tips): TIP_URGENT_SLA_MINUTES, how long an urgent tip may wait before the branch is told. */
export const tipsConfig = defineConfig('tips', (env, problems) => {
  const { int } = envNumbers(env, problems);
  return {
    /** an urgent tip not accepted within this many minutes escalates to the station's branch (default 10) */
    urgentSlaMinutes: int('TIP_URGENT_SLA_MINUTES', 10, 1, 24 * 60),
  };
});

export type TipsConfig = ReturnType<typeof tipsConfig>;
