/**
 * Whether a volunteer is insured over an activity's whole period (docs/product.md#insurance), for
 * sign-ups that require it. The insurance module binds INSURANCE_SOURCE over its own tables; it
 * builds on this module, so this module reaches it only through the token.
 */
export interface InsuranceSource {
  coversPeriod(volunteerId: number, startAt: Date, endAt: Date): Promise<boolean>;
}

export const INSURANCE_SOURCE = Symbol('INSURANCE_SOURCE');
