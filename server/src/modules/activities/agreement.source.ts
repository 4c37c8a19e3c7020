import { Injectable } from '@nestjs/common';

/**
 * Where the signed volunteer service agreement is read from (SPEC §2.2). High-risk activities
 * need it. The application flow (issue 3) owns the signature; until it exposes one, the volunteer
 * record itself is the proof: a volunteer is only created on approval, and approval requires the
 * signed agreement. Swap the provider bound to AGREEMENT_SOURCE to read the real signature.
 */
export interface AgreementSource {
  hasSignedAgreement(volunteer: { id: number; userId: number }): Promise<boolean>;
}

export const AGREEMENT_SOURCE = Symbol('AGREEMENT_SOURCE');

@Injectable()
export class VolunteerRecordAgreementSource implements AgreementSource {
  async hasSignedAgreement(volunteer: { id: number; userId: number }): Promise<boolean> {
    return volunteer.id > 0;
  }
}
