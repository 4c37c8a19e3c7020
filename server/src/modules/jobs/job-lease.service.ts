import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { JobLease } from './job-lease.entity.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * A lease per job in the database: the row is created once (INSERT … IGNORE), then taken with a
 * conditional UPDATE that only matches a free or expired lease. Exactly one instance sees
 * `affected = 1`; the others skip the run. The lease expires by itself if its holder dies.
 */
@Injectable()
export class JobLeaseService {
  /** Identifies this process (host + random), so a holder only ever releases its own lease. */
  readonly instanceId = `${hostname().slice(0, 40)}:${randomBytes(4).toString('hex')}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * `dueBefore`: take the lease only if the job last ran at or before that instant (the scheduler's
   * "is it due?" in the same conditional UPDATE, so two instances cannot both find it due).
   */
  async acquire(name: string, holder: string = this.instanceId, dueBefore?: Date): Promise<boolean> {
    const repo = this.dataSource.getRepository(JobLease);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ name, holder: null, leaseUntil: null, lastRunAt: null, lastResult: null })
      .orIgnore()
      .execute();
    const now = this.clock.now();
    const res = await repo
      .createQueryBuilder()
      .update()
      .set({ holder, leaseUntil: new Date(now.getTime() + this.config.jobLeaseSeconds * 1000) })
      .where('name = :name', { name })
      .andWhere(new Brackets((w) => w.where('leaseUntil IS NULL').orWhere('leaseUntil < :now', { now })))
      .andWhere(
        dueBefore
          ? new Brackets((w) => w.where('lastRunAt IS NULL').orWhere('lastRunAt <= :dueBefore', { dueBefore }))
          : '1 = 1',
      )
      .execute();
    return res.affected === 1;
  }

  async release(name: string, result: Record<string, number> | null, holder: string = this.instanceId): Promise<void> {
    const now = this.clock.now();
    await this.dataSource
      .getRepository(JobLease)
      .createQueryBuilder()
      .update()
      .set({ holder: null, leaseUntil: null, lastRunAt: now, ...(result ? { lastResult: result } : {}) })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
  }

  async all(): Promise<JobLease[]> {
    return this.dataSource.getRepository(JobLease).find({ order: { name: 'ASC' } });
  }
}
