import { defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/**
 * Numbers of the joining rules (docs/product.md#people) that are configuration, not code. Read from the
 * environment once at boot and validated (a bad value stops the process with the variable named).
 */
export interface EnrolmentConfig {
  minAge: number;
  maxAge: number;
  /** Days after a revocation during which the person may not apply again. */
  reapplyCoolOffDays: number;
  /** Pending longer than this many days is flagged overdue. */
  reviewSlaDays: number;
  memberNoPrefix: string;
  inactivityRevokeDays: number;
  inactivityWarnDaysBefore: number;
  criminalRecheckDays: number;
  certificateWarnDays: number;
  /** 0 = no in-process timer (jobs are run by POST /admin/jobs/:name/run or another scheduler). */
  jobsIntervalMinutes: number;
  jobLeaseSeconds: number;
  /** Application submissions one applicant may make per window (docs/product.md#applications-and-review). */
  submitRatePerUser: number;
  /** Submissions naming one ID number (any account) per window. */
  submitRatePerIdNumber: number;
  submitRateWindowMinutes: number;
}

export const enrolmentConfig = defineConfig('enrolment', (env, problems): EnrolmentConfig => {
  const { int } = envNumbers(env, problems);
  const cfg: EnrolmentConfig = {
    minAge: int('APPLICANT_MIN_AGE', 18, 14, 100),
    maxAge: int('APPLICANT_MAX_AGE', 65, 14, 120),
    reapplyCoolOffDays: int('REAPPLY_COOL_OFF_DAYS', 365, 0, 3650),
    reviewSlaDays: int('APPLICATION_SLA_DAYS', 3, 1, 365),
    memberNoPrefix: env.MEMBER_NO_PREFIX ?? 'MAS',
    inactivityRevokeDays: int('INACTIVITY_REVOKE_DAYS', 365, 30, 3650),
    inactivityWarnDaysBefore: int('INACTIVITY_WARN_DAYS_BEFORE', 30, 1, 365),
    criminalRecheckDays: int('CRIMINAL_RECHECK_DAYS', 365, 30, 3650),
    certificateWarnDays: int('CERTIFICATE_WARN_DAYS', 30, 1, 365),
    jobsIntervalMinutes: int('JOBS_INTERVAL_MINUTES', 0, 0, 1440),
    jobLeaseSeconds: int('JOB_LEASE_SECONDS', 600, 10, 86400),
    submitRatePerUser: int('APPLICATION_RATE_PER_USER', 10, 1, 10000),
    submitRatePerIdNumber: int('APPLICATION_RATE_PER_ID_NUMBER', 5, 1, 10000),
    submitRateWindowMinutes: int('APPLICATION_RATE_WINDOW_MINUTES', 60, 1, 1440),
  };
  if (cfg.minAge > cfg.maxAge) problems.push('APPLICANT_MIN_AGE must not exceed APPLICANT_MAX_AGE');
  if (!/^[A-Z]{2,6}$/.test(cfg.memberNoPrefix)) problems.push('MEMBER_NO_PREFIX must be 2–6 upper-case letters');
  return cfg;
});
