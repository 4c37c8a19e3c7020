import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { MemberNumberCounter } from './member-number-counter.entity.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Member numbers `MAS2026000123`: prefix + year + a 6-digit sequence. The sequence advances with
 * a conditional UPDATE inside the approval's transaction — on MySQL that row lock orders
 * simultaneous approvals, on SQLite the single writer does — so two approvals never share a number.
 */
@Injectable()
export class MemberNumberService {
  constructor(
    @Inject(enrolmentConfig.KEY) private readonly config: EnrolmentConfig,
    private readonly clock: Clock,
  ) {}

  async next(m: EntityManager, at: Date): Promise<string> {
    const prefix = `${this.config.memberNoPrefix}${this.clock.today(at).slice(0, 4)}`;
    const repo = m.getRepository(MemberNumberCounter);
    const bump = () =>
      repo
        .createQueryBuilder()
        .update()
        .set({ lastValue: () => 'lastValue + 1' })
        .where('prefix = :prefix', { prefix })
        .execute();
    let res = await bump();
    if (!res.affected) {
      // First number of the year: start after any numbers already handed out (e.g. imported or seeded).
      const [row] = (await m.query('SELECT MAX(memberNo) AS maxNo FROM volunteers WHERE memberNo LIKE ?', [
        `${prefix}%`,
      ])) as { maxNo: string | null }[];
      const start = row?.maxNo ? Number(row.maxNo.slice(prefix.length)) || 0 : 0;
      await repo.createQueryBuilder().insert().values({ prefix, lastValue: start }).orIgnore().execute();
      res = await bump();
    }
    const counter = await repo.findOneByOrFail({ prefix });
    return `${prefix}${String(counter.lastValue).padStart(6, '0')}`;
  }
}
