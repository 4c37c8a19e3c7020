import type { DataSource } from 'typeorm';
import { readArea } from '../../config/config-area.js';
import { enrolmentConfig } from '../../config/enrolment.config.js';
import { JobLeaseService } from './job-lease.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';

const T0 = Date.parse('2026-11-30T15:30:00Z');
const config = readArea(enrolmentConfig.read, { JOB_LEASE_SECONDS: '300' });

describe('JobLeaseService', () => {
  let ds: DataSource;
  /** An instance as it runs `ms` after T0. */
  const at = (ms = 0) => new JobLeaseService(ds, config, clockAt(new Date(T0 + ms).toISOString()));

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('one holder at a time; only the holder releases, and then the next may take it', async () => {
    const [a, b] = [at(), at()];
    expect(a.instanceId).not.toBe(b.instanceId);
    expect(await a.acquire('level-regrade')).toBe(true);
    expect(await b.acquire('level-regrade')).toBe(false);
    expect(await a.acquire('level-regrade')).toBe(false);
    await b.release('level-regrade', { regraded: 9 });
    expect(await b.acquire('level-regrade')).toBe(false);
    await a.release('level-regrade', { regraded: 1 });
    expect(await b.acquire('level-regrade')).toBe(true);
    // other jobs have their own lease
    expect(await a.acquire('notification-retries')).toBe(true);
  });

  it('a lease its holder never released expires after JOB_LEASE_SECONDS', async () => {
    expect(await at().acquire('level-regrade')).toBe(true);
    expect(await at(299_000).acquire('level-regrade')).toBe(false);
    expect(await at(310_000).acquire('level-regrade')).toBe(true);
  });

  it('"due before" takes the lease only if the job last ran at or before that instant', async () => {
    const sut = at();
    expect(await sut.acquire('level-regrade', sut.instanceId, new Date(T0))).toBe(true);
    await sut.release('level-regrade', { regraded: 3 });
    const [lease] = await sut.all();
    expect(lease).toMatchObject({ name: 'level-regrade', holder: null, leaseUntil: null, lastResult: { regraded: 3 } });
    const lastRun = lease.lastRunAt!;
    expect(await sut.acquire('level-regrade', sut.instanceId, new Date(lastRun.getTime() - 1))).toBe(false);
    expect(await sut.acquire('level-regrade', sut.instanceId, lastRun)).toBe(true);
    // a run that produced no result keeps the previous one
    await sut.release('level-regrade', null);
    expect((await sut.all())[0].lastResult).toEqual({ regraded: 3 });
  });
});
