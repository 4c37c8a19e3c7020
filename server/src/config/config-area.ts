import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAs, type ConfigFactoryKeyHost } from '@nestjs/config';

/** The environment a configuration is read from: `process.env` in the server, a plain record in tests and scripts. */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n - ${problems.join('\n - ')}`);
  }
}

/**
 * One area of the configuration (database, WeChat, activities…): a `registerAs` factory, so a provider
 * injects it typed as `@Inject(xConfig.KEY) cfg: ConfigType<typeof xConfig>`, plus `read`, which
 * validates the area's own variables, records every problem naming the variable, and returns the typed
 * object. `loadConfig` (configuration.ts) reads all areas at boot and throws one `ConfigError`.
 */
export type ConfigArea<T extends object> = (() => T) &
  ConfigFactoryKeyHost<T> & {
    readonly area: string;
    read(env: Env, problems: string[]): T;
  };

export function defineConfig<T extends object>(area: string, read: (env: Env, problems: string[]) => T): ConfigArea<T> {
  // Standalone (e.g. `ConfigModule.forFeature(xConfig)`), the factory reads the process environment.
  const factory = registerAs(area, (): T => readArea(read, process.env));
  return Object.assign(factory, { area, read });
}

/** Reads one area and throws its problems (tests and scripts that need a single area). */
export function readArea<T>(read: (env: Env, problems: string[]) => T, env: Env): T {
  const problems: string[] = [];
  const value = read(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return value;
}

export type NodeEnv = 'development' | 'production' | 'test';

/** NODE_ENV as the areas use it (development when unset); the app area reports an unknown value. */
export function nodeEnvOf(env: Env): NodeEnv {
  return (env.NODE_ENV ?? 'development') as NodeEnv;
}

export function isProduction(env: Env): boolean {
  return nodeEnvOf(env) === 'production';
}

export function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/**
 * A secret: its variable, or outside production the development fallback (production records the
 * missing variable as a problem).
 */
export function secret(env: Env, problems: string[], name: string, devFallback: string): string {
  const v = env[name];
  if (v) return v;
  if (isProduction(env)) problems.push(`${name} is required in production`);
  return devFallback;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the server keeps its files (the embedded database): DATA_DIR, or `.data` in the repository. */
export function dataDirOf(env: Env): string {
  return path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
}
