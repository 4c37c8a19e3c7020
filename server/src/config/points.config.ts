import { defineConfig } from './config-area.js';

/** How long credited points stay spendable (docs/points.md#expiry). */
export const POINTS_EXPIRY_RULES = ['none', 'end-of-second-year'] as const;
export type PointsExpiryRule = (typeof POINTS_EXPIRY_RULES)[number];

/**
 * Points (docs/product.md#points): POINTS_EXPIRY, `none` (default: points never expire) or `end-of-second-year`
 * (points credited in year Y expire at the end of Y+1, Shanghai time).
 */
export const pointsConfig = defineConfig('points', (env, problems) => {
  const raw = (env.POINTS_EXPIRY ?? '').trim() || 'none';
  let expiry: PointsExpiryRule = 'none';
  if ((POINTS_EXPIRY_RULES as readonly string[]).includes(raw)) expiry = raw as PointsExpiryRule;
  else problems.push(`POINTS_EXPIRY must be one of ${POINTS_EXPIRY_RULES.join(', ')}, got "${raw}"`);
  return { expiry };
});

export type PointsConfig = ReturnType<typeof pointsConfig>;
