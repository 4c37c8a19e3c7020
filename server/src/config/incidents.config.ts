import { defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/**
 * Major-event reports (docs/disputes.md#major-event-reports): INCIDENT_URGENT_LIMIT_MINUTES and
 * INCIDENT_MAJOR_LIMIT_MINUTES, the time a report of each category has, counted from the event, before it is late;
 * the same time, counted from filing, is what the station has to acknowledge it before the branch is told.
 */
export const incidentsConfig = defineConfig('incidents', (env, problems) => {
  const { int } = envNumbers(env, problems);
  return {
    /** limit per category in minutes (default urgent 60, major 1440) */
    limitMinutes: {
      urgent: int('INCIDENT_URGENT_LIMIT_MINUTES', 60, 1, 7 * 24 * 60),
      major: int('INCIDENT_MAJOR_LIMIT_MINUTES', 24 * 60, 1, 30 * 24 * 60),
    },
  };
});

export type IncidentsConfig = ReturnType<typeof incidentsConfig>;
