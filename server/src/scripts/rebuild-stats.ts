import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/configuration.js';
import { StatsRefresh } from '../modules/stats/stats-refresh.js';

/**
 * `npm run rebuild:stats [-- --fix]` (docs/dashboard.md#rebuild): recomputes every summary figure of the dashboard from
 * the raw rows, compares it with the stored summary tables and prints each difference (key, stored, recomputed).
 * With --fix the recomputed figures replace the stored ones in one transaction. Exits 1 when differences were found
 * and not fixed. Uses the server's configuration (MYSQL_* or the embedded file under DATA_DIR); jobs stay off.
 */
const fix = process.argv.includes('--fix');
const config = loadConfig({ ...process.env, JOBS_SCHEDULER: 'off', SEED_DEMO: 'false' });
const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
try {
  const started = performance.now();
  const diff = await app.get(StatsRefresh).rebuild(fix);
  for (const d of diff) console.log(`${d.key}\tstored=${d.stored ?? '—'}\trecomputed=${d.computed ?? '—'}`);
  const ms = Math.round(performance.now() - started);
  console.log(
    diff.length === 0
      ? `summary tables match the raw rows (${ms} ms)`
      : `${diff.length} difference(s)${fix ? ', replaced by the recomputed figures' : '; run with --fix to replace them'} (${ms} ms)`,
  );
  process.exitCode = diff.length > 0 && !fix ? 1 : 0;
} finally {
  await app.close();
}
