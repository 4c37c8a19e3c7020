import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { typeormExec } from '../../database/raw-sql.js';

/**
 * Where the signed volunteer service agreement is read from (docs/product.md#applications-and-review). High-risk activities
 * need it. Bound to AGREEMENT_SOURCE, so the rule can change without touching the sign-up.
 */
export interface AgreementSource {
  hasSignedAgreement(volunteer: { id: number; userId: number }): Promise<boolean>;
}

export const AGREEMENT_SOURCE = Symbol('AGREEMENT_SOURCE');

/**
 * The signature recorded on the application that made the person a volunteer
 * (`applications.agreementSignedAt`). A volunteer record without an application (members
 * from before the online flow, the demo seed, test factories) counts as signed: such records only
 * exist for approved members, and approval requires the signed agreement.
 */
@Injectable()
export class ApplicationAgreementSource implements AgreementSource {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async hasSignedAgreement(volunteer: { id: number; userId: number }): Promise<boolean> {
    const [row] = (
      await typeormExec(this.ds.manager)(
        'SELECT v.applicationId AS applicationId, a.agreementSignedAt AS signedAt FROM volunteers v LEFT JOIN applications a ON a.id = v.applicationId AND a.userId = v.userId WHERE v.id = ?',
        [volunteer.id],
      )
    ).rows;
    if (!row) return false;
    return (
      row.applicationId === null ||
      row.applicationId === undefined ||
      (row.signedAt !== null && row.signedAt !== undefined)
    );
  }
}
