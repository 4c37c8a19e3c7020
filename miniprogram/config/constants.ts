/**
 * Build profile shared by the Taro config, app.config.ts and the vitest config, so tests see the
 * same names the bundle does. It follows the Taro build *mode* (`taro build --mode <mode>`;
 * `taro build` without one is `production`):
 *
 * - production: the real thing. No demo-identity login page (it would let anyone pick a demo
 *   identity); a weapp build must name its API with an https address (`TARO_APP_API`), or the
 *   build fails — WeChat refuses plain http, and a silent local default would ship a dead app.
 * - any other mode (`demo` for the local demo and the browser journeys, `development` for
 *   `--watch`): the demo login page is built, and the weapp defaults to a local server.
 *
 * API_BASE: origin of the REST API. The H5 build is served by the API server itself, so it
 * defaults to same-origin ('').
 */
export interface BuildEnv {
  TARO_ENV?: string;
  TARO_APP_API?: string;
}

export interface BuildProfile {
  production: boolean;
  apiBase: string;
  /** Whether the demo-identity login page is built (H5 only; never in production). */
  sandboxLogin: boolean;
}

export class BuildConfigError extends Error {}

/** The Taro mode of a production build (`taro build` without --mode). */
export const PRODUCTION_MODE = 'production';

export function isProductionMode(mode: string | undefined): boolean {
  return (mode ?? PRODUCTION_MODE) === PRODUCTION_MODE;
}

export function apiBase(env: BuildEnv, mode?: string): string {
  if (env.TARO_APP_API !== undefined && env.TARO_APP_API !== '') return env.TARO_APP_API.replace(/\/+$/, '');
  if (env.TARO_ENV === 'h5' || env.TARO_APP_API === '') return '';
  return isProductionMode(mode) ? '' : 'http://127.0.0.1:3000';
}

/** The profile of a build, or a BuildConfigError saying what a production build lacks. */
export function buildProfile(env: BuildEnv, mode: string | undefined): BuildProfile {
  const production = isProductionMode(mode);
  const base = apiBase(env, mode);
  if (production && env.TARO_ENV !== 'h5' && !/^https:\/\/[^/\s]+/.test(base)) {
    throw new BuildConfigError(
      `生产构建（${env.TARO_ENV ?? 'weapp'}）需要 https 接口地址：请设置 TARO_APP_API=https://…（当前：${base || '未设置'}）。` +
        ' A production mini-program build needs TARO_APP_API set to the https address of the API.',
    );
  }
  return { production, apiBase: base, sandboxLogin: !production };
}

export function buildConstants(env: BuildEnv, mode?: string): Record<string, string> {
  const profile = buildProfile(env, mode);
  return {
    API_BASE: JSON.stringify(profile.apiBase),
    SANDBOX_LOGIN: JSON.stringify(profile.sandboxLogin),
  };
}

/** Handed from the Taro config to app.config.ts (evaluated later in the same build process). */
export const SANDBOX_LOGIN_ENV = 'JH_BUILD_SANDBOX_LOGIN';
