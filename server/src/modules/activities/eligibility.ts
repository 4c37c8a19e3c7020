import {
  ageOn,
  businessDate,
  DEFAULT_TIME_ZONE,
  type ActivityRequirements,
  type ErrorCode,
  type VolunteerSkill,
  type VolunteerTier,
} from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';

export interface EligibilityVolunteer {
  status: string;
  tier: VolunteerTier;
  skills: VolunteerSkill[];
  birthDate: string | null;
}

/** Requirement checks that need no database: status, skills (unexpired on the start's business date), tier, age on it. */
export function requirementProblem(
  v: EligibilityVolunteer,
  req: ActivityRequirements,
  startAt: Date,
  zone: string = DEFAULT_TIME_ZONE,
): ErrorCode | null {
  if (v.status !== 'active') return 'ACTIVITY_VOLUNTEER_INACTIVE';
  const startDay = businessDate(startAt, zone);
  const held = new Set(v.skills.filter((s) => !s.expiresOn || s.expiresOn >= startDay).map((s) => s.name));
  if (req.skills.some((s) => !held.has(s))) return 'ACTIVITY_SKILL_REQUIRED';
  if (req.tiers.length && !req.tiers.includes(v.tier)) return 'ACTIVITY_TIER_REQUIRED';
  if (req.minAge !== null || req.maxAge !== null) {
    if (!v.birthDate) return 'ACTIVITY_AGE_NOT_ALLOWED';
    const age = ageOn(v.birthDate, startDay);
    if ((req.minAge !== null && age < req.minAge) || (req.maxAge !== null && age > req.maxAge))
      return 'ACTIVITY_AGE_NOT_ALLOWED';
  }
  return null;
}

export function ineligible(code: ErrorCode, details?: unknown): AppException {
  return new AppException(code, details);
}

export function normalizeRequirements(r: Partial<ActivityRequirements> | undefined | null): ActivityRequirements {
  return {
    skills: r?.skills ?? [],
    tiers: r?.tiers ?? [],
    minAge: r?.minAge ?? null,
    maxAge: r?.maxAge ?? null,
    requiresInsurance: r?.requiresInsurance ?? false,
  };
}
