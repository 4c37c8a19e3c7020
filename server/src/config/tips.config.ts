import { defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/**
 * Tips (docs/product.md#tips): TIP_URGENT_SLA_MINUTES, how long an urgent tip may wait before the branch is told;
 * TIP_GRADES, the grades a closed tip can get and the points each is worth (`A:50,B:20,C:5`);
 * TIP_MONTHLY_POINTS_CAP, the most tip points one person earns in a Shanghai calendar month.
 */
export const tipsConfig = defineConfig('tips', (env, problems) => {
  const { int } = envNumbers(env, problems);
  return {
    /** an urgent tip not accepted within this many minutes escalates to the station's branch (default 10) */
    urgentSlaMinutes: int('TIP_URGENT_SLA_MINUTES', 10, 1, 24 * 60),
    /** grade (one capital letter) → reward points */
    grades: readGrades(env.TIP_GRADES, problems),
    /** tip reward points per person per Shanghai calendar month (default 100) */
    monthlyPointsCap: int('TIP_MONTHLY_POINTS_CAP', 100, 0, 1_000_000),
  };
});

export type TipsConfig = ReturnType<typeof tipsConfig>;

const DEFAULT_GRADES = 'A:50,B:20,C:5';

/** `A:50,B:20,C:5` → { A: 50, B: 20, C: 5 }; grades are single capital letters, points integers 0–10000, no repeats. */
function readGrades(raw: string | undefined, problems: string[]): Record<string, number> {
  const text = raw === undefined || raw.trim() === '' ? DEFAULT_GRADES : raw;
  const grades: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Z]):(\d{1,5})\s*$/.exec(part);
    if (!m || Number(m[2]) > 10_000 || m[1] in grades) {
      problems.push(
        `TIP_GRADES must look like "A:50,B:20,C:5" (one capital letter each, points 0-10000), got "${text}"`,
      );
      return readGrades(DEFAULT_GRADES, []);
    }
    grades[m[1]] = Number(m[2]);
  }
  return grades;
}
