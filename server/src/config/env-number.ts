import type { Env } from './config-area.js';

/**
 * Reads numeric environment variables for the config loaders. A missing or empty variable gives
 * the fallback; a bad one records a problem naming the variable (the loader then throws
 * `ConfigError` with every problem at once) and gives the fallback.
 */
export interface EnvNumbers {
  /** An integer in [min, max]. */
  int(name: string, fallback: number, min?: number, max?: number): number;
  /** Any finite number in [min, max] (e.g. a scale of 0.8). */
  num(name: string, fallback: number, min?: number, max?: number): number;
}

export function envNumbers(env: Env, problems: string[]): EnvNumbers {
  const read = (name: string, fallback: number, min: number, max: number, integer: boolean): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
      problems.push(`${name} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  return {
    int: (name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) => read(name, fallback, min, max, true),
    num: (name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) => read(name, fallback, min, max, false),
  };
}
