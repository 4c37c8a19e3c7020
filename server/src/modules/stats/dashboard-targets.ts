import { DASHBOARD_DEFAULT_TARGETS, type CompanyType, type TargetKey, type TargetResponse } from '@jianghuai/shared';

/** The join-rate target of each employer type. */
const JOIN_RATE_KEYS: Record<CompanyType, TargetKey> = {
  security_company: 'join_rate_security_company',
  self_recruiting: 'join_rate_self_employed',
  property: 'join_rate_property',
};

export interface TargetsInForce {
  volunteers: { target: number; dueDate: string };
  certifiedCoverage: { targetPct: number; dueDate: string };
  joinRate: { targetPct: Record<CompanyType, number>; dueDate: Record<CompanyType, string> };
}

/** The city's targets in force (the targets module's newest value per key, or the rule's default) as the dashboard uses them. */
export function targetsInForce(current: readonly TargetResponse[]): TargetsInForce {
  const d = DASHBOARD_DEFAULT_TARGETS;
  const of = (key: TargetKey) => current.find((t) => t.key === key);
  const value = (key: TargetKey, fallback: number) => of(key)?.value ?? fallback;
  const due = (key: TargetKey, fallback: string) => of(key)?.dueDate ?? fallback;
  const types = Object.keys(JOIN_RATE_KEYS) as CompanyType[];
  return {
    volunteers: {
      target: value('volunteers_total', d.volunteers.target),
      dueDate: due('volunteers_total', d.volunteers.dueDate),
    },
    certifiedCoverage: {
      targetPct: value('certified_coverage', d.certifiedCoverage.targetPct),
      dueDate: due('certified_coverage', d.certifiedCoverage.dueDate),
    },
    joinRate: {
      targetPct: Object.fromEntries(types.map((t) => [t, value(JOIN_RATE_KEYS[t], d.joinRate.targetPct[t])])) as Record<
        CompanyType,
        number
      >,
      dueDate: Object.fromEntries(types.map((t) => [t, due(JOIN_RATE_KEYS[t], d.joinRate.dueDate)])) as Record<
        CompanyType,
        string
      >,
    },
  };
}
