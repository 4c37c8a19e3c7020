import { ConfigError, readArea } from './config-area.js';
import { incidentsConfig } from './incidents.config.js';

const load = (env: Record<string, string>) => readArea(incidentsConfig.read, env);

describe('incidentsConfig', () => {
  it('gives urgent reports an hour and major ones a day unless set', () => {
    expect(load({})).toEqual({ limitMinutes: { urgent: 60, major: 1440 } });
    expect(load({ INCIDENT_URGENT_LIMIT_MINUTES: '30', INCIDENT_MAJOR_LIMIT_MINUTES: '720' }).limitMinutes).toEqual({
      urgent: 30,
      major: 720,
    });
  });

  it('names a limit that is not a positive number of minutes', () => {
    for (const [name, bad] of [
      ['INCIDENT_URGENT_LIMIT_MINUTES', '0'],
      ['INCIDENT_MAJOR_LIMIT_MINUTES', 'a day'],
    ]) {
      try {
        load({ [name]: bad });
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).problems.join()).toContain(name);
      }
    }
  });
});
