import { ConfigError, readArea } from './config-area.js';
import { enrolmentConfig } from './enrolment.config.js';

const loadEnrolmentConfig = (env: Record<string, string>) => readArea(enrolmentConfig.read, env);

describe('enrolmentConfig', () => {
  it('has the documented defaults', () => {
    const sut = loadEnrolmentConfig({});
    expect(sut).toMatchObject({
      minAge: 18,
      maxAge: 65,
      reapplyCoolOffDays: 365,
      reviewSlaDays: 3,
      inactivityRevokeDays: 365,
      inactivityWarnDaysBefore: 30,
      jobsIntervalMinutes: 0,
      memberNoPrefix: 'MAS',
    });
  });

  it('names every bad variable', () => {
    expect(() => loadEnrolmentConfig({ APPLICANT_MIN_AGE: 'x', MEMBER_NO_PREFIX: 'm1' })).toThrow(ConfigError);
    try {
      loadEnrolmentConfig({ APPLICANT_MIN_AGE: '70', APPLICANT_MAX_AGE: '60' });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual(['APPLICANT_MIN_AGE must not exceed APPLICANT_MAX_AGE']);
    }
  });
});
