import { nodeEnvOf, defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

/** Sign-in brakes and password hashing. */
export const authConfig = defineConfig('auth', (env, problems) => {
  const { int } = envNumbers(env, problems);
  const nodeEnv = nodeEnvOf(env);
  return {
    loginRateLimitPerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100000),
    /** Failures in a row from one address on one account before it must wait (1 s, 2 s, 4 s …). */
    maxPasswordFailures: int('PASSWORD_MAX_FAILURES', 5, 1, 100),
    /** The longest such wait. */
    lockMinutes: int('PASSWORD_LOCK_MINUTES', 15, 1, 1440),
    /** Distinct failing addresses on one account (15 min) that slow down its unknown addresses. */
    accountBrakeAddresses: int('LOGIN_ACCOUNT_BRAKE_ADDRESSES', 10, 2, 100000),
    // scrypt cost N = 2^passwordCost; 15 ≈ 50-100 ms on these machines
    passwordCost: int('PASSWORD_HASH_COST', nodeEnv === 'test' ? 12 : 15, 10, 20),
  };
});

export type AuthConfig = ReturnType<typeof authConfig>;
