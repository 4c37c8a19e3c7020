import { normalizeRequirements, requirementProblem, type EligibilityVolunteer } from './eligibility.js';

describe('requirementProblem', () => {
  const start = new Date('2026-12-05T02:00:00Z');
  const volunteer = (over: Partial<EligibilityVolunteer> = {}): EligibilityVolunteer => ({
    status: 'active',
    tier: 'backbone',
    skills: [{ name: '急救', expiresOn: '2026-12-31' }, { name: '安检' }],
    birthDate: '1972-05-14',
    ...over,
  });

  it('judges expiry and age on the business date of the start: 23:30 UTC is already the next day in Shanghai', () => {
    const lateStart = new Date('2026-11-30T23:30:00Z'); // 07:30 on 1 December in Shanghai
    const sut = (zone?: string) =>
      requirementProblem(
        volunteer({ skills: [{ name: '急救', expiresOn: '2026-11-30' }], birthDate: '2008-12-01' }),
        normalizeRequirements({ skills: ['急救'], minAge: 18 }),
        lateStart,
        zone,
      );
    expect(sut()).toBe('ACTIVITY_SKILL_REQUIRED');
    expect(
      requirementProblem(volunteer({ birthDate: '2008-12-01' }), normalizeRequirements({ minAge: 18 }), lateStart),
    ).toBeNull();
    expect(
      requirementProblem(
        volunteer({ birthDate: '2008-12-01' }),
        normalizeRequirements({ minAge: 18 }),
        lateStart,
        'Europe/London',
      ),
    ).toBe('ACTIVITY_AGE_NOT_ALLOWED');
    expect(sut('Europe/London')).toBe('ACTIVITY_AGE_NOT_ALLOWED');
  });

  it('accepts a volunteer who meets every requirement', () => {
    expect(
      requirementProblem(
        volunteer(),
        normalizeRequirements({ skills: ['急救'], tiers: ['backbone'], minAge: 18, maxAge: 60 }),
        start,
      ),
    ).toBeNull();
  });

  it('names the first unmet requirement', () => {
    expect(requirementProblem(volunteer({ status: 'suspended' }), normalizeRequirements({}), start)).toBe(
      'ACTIVITY_VOLUNTEER_INACTIVE',
    );
    expect(requirementProblem(volunteer(), normalizeRequirements({ skills: ['消防'] }), start)).toBe(
      'ACTIVITY_SKILL_REQUIRED',
    );
    expect(requirementProblem(volunteer(), normalizeRequirements({ tiers: ['core'] }), start)).toBe(
      'ACTIVITY_TIER_REQUIRED',
    );
    expect(requirementProblem(volunteer(), normalizeRequirements({ maxAge: 50 }), start)).toBe(
      'ACTIVITY_AGE_NOT_ALLOWED',
    );
    expect(requirementProblem(volunteer({ birthDate: null }), normalizeRequirements({ minAge: 18 }), start)).toBe(
      'ACTIVITY_AGE_NOT_ALLOWED',
    );
  });

  it('does not count a certificate that expires before the activity', () => {
    const late = new Date('2027-01-10T02:00:00Z');
    expect(requirementProblem(volunteer(), normalizeRequirements({ skills: ['急救'] }), late)).toBe(
      'ACTIVITY_SKILL_REQUIRED',
    );
  });

  it('counts age on the activity day in Asia/Shanghai', () => {
    // 54th birthday on 2026-05-14 local; 2026-05-13T17:00Z is already the 14th in Shanghai
    const req = normalizeRequirements({ minAge: 54 });
    expect(requirementProblem(volunteer(), req, new Date('2026-05-13T17:00:00Z'))).toBeNull();
    expect(requirementProblem(volunteer(), req, new Date('2026-05-13T15:00:00Z'))).toBe('ACTIVITY_AGE_NOT_ALLOWED');
  });
});
