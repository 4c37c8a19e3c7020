import { CronTime } from 'cron';
import { QUARTERLY_CRON, dueBefore, jobCron, nextRunAt } from './job-schedule.js';

describe('job schedule', () => {
  it('a quarterly job looks when the quarter begins; a job with a period looks every JOBS_TICK_SECONDS', () => {
    expect(jobCron('quarterly', 30)).toBe(QUARTERLY_CRON);
    expect(jobCron(1, 1)).toBe('*/1 * * * * *');
    expect(jobCron(1440, 30)).toBe('*/30 * * * * *');
    expect(jobCron(1440, 300)).toBe('0 */5 * * * *');
    expect(jobCron(1, 3600)).toBe('0 0 * * * *');
  });

  it('the quarter begins at midnight of its first day in the business zone', () => {
    const next = (from: string, zone: string) =>
      new CronTime(QUARTERLY_CRON, zone).getNextDateFrom(new Date(from), zone).toJSDate().toISOString();
    expect(next('2026-11-30T15:30:00Z', 'Asia/Shanghai')).toBe('2026-12-31T16:00:00.000Z');
    expect(next('2026-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2027-03-31T16:00:00.000Z');
    expect(next('2026-05-01T00:00:00Z', 'Europe/London')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('due from the last run plus the period; next run never before now', () => {
    const now = new Date('2026-11-30T15:30:00Z');
    expect(dueBefore(1440, now, 'Asia/Shanghai').toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(dueBefore('quarterly', now, 'Asia/Shanghai').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(nextRunAt(60, new Date('2026-11-30T15:00:00Z'), now, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
    expect(nextRunAt(1, new Date('2026-11-30T15:00:00Z'), now, 'Asia/Shanghai')).toEqual(now);
    expect(nextRunAt('quarterly', null, now, 'Asia/Shanghai')).toEqual(now);
    // last run in an earlier quarter: due at once
    expect(nextRunAt('quarterly', new Date('2026-09-01T00:00:00Z'), now, 'Asia/Shanghai')).toEqual(now);
  });
});
