import { Injectable } from '@nestjs/common';
import { ApplicationQueries } from '../applications/application-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';

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
  constructor(
    private readonly volunteers: VolunteerQueries,
    private readonly applications: ApplicationQueries,
  ) {}

  async hasSignedAgreement(volunteer: { id: number; userId: number }): Promise<boolean> {
    const row = await this.volunteers.findById(volunteer.id);
    if (!row) return false;
    if (row.applicationId === null) return true;
    return (await this.applications.agreementSignedAt(row.applicationId, row.userId)) !== null;
  }
}
