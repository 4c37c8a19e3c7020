import { defineConfig, isProduction, secret, type Env } from './config-area.js';
import { envNumbers } from './env-number.js';

/** The development fallback is published in this repository: production refuses it. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';

/** The secret as configured (the development fallback when unset), for keys derived from it. */
export function jwtSecretOf(env: Env): string {
  return env.JWT_SECRET || DEV_JWT_SECRET;
}

/** Access tokens: JWT_SECRET, JWT_ACCESS_TTL_SECONDS; refresh tokens: REFRESH_TTL_DAYS. */
export const jwtConfig = defineConfig('jwt', (env, problems) => {
  const { int } = envNumbers(env, problems);
  const jwtSecret = secret(env, problems, 'JWT_SECRET', DEV_JWT_SECRET);
  if (isProduction(env)) {
    if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters in production');
    if (jwtSecret === DEV_JWT_SECRET)
      problems.push('JWT_SECRET must not be the published development secret in production');
  }
  return {
    secret: jwtSecret,
    accessTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
    refreshTtlDays: int('REFRESH_TTL_DAYS', 30, 1, 365),
  };
});

export type JwtConfig = ReturnType<typeof jwtConfig>;
