import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { typeormExec, type SqlExec } from '../../database/raw-sql.js';
import type { InsuranceSource } from '../activities/insurance.source.js';

/** An enrolment under a policy valid over the whole period (one indexed look-up on the sign-up path). */
export const INSURED_SQL =
  'SELECT e.id FROM insurance_enrolments e INNER JOIN insurance_policies p ON p.id = e.policyId WHERE e.volunteerId = ? AND p.validFrom <= ? AND p.validTo >= ? LIMIT 1';

/** The sign-up gate's view of insurance (bound to the activities module's INSURANCE_SOURCE). */
@Injectable()
export class InsuranceCoverage implements InsuranceSource {
  private readonly exec: SqlExec;

  constructor(@InjectDataSource() ds: DataSource) {
    // straight to the driver's pool on MySQL, like the rest of the sign-up path (see typeormExec)
    this.exec = typeormExec(ds.manager);
  }

  async coversPeriod(volunteerId: number, startAt: Date, endAt: Date): Promise<boolean> {
    return (await this.exec(INSURED_SQL, [volunteerId, startAt, endAt])).rows.length > 0;
  }
}
