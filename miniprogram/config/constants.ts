/**
 * Build-time constants shared by the Taro config and the vitest config, so tests see the same
 * names the bundle does.
 *
 * - API_BASE: origin of the REST API. The H5 build is served by the API server itself, so it
 *   defaults to same-origin (''); the weapp build defaults to a local server.
 * - SANDBOX_LOGIN: whether the demo-account login page is built (WeChat sandbox runs only).
 *   Production builds set TARO_APP_SANDBOX=false and the page is left out of app.config.
 */
export interface BuildEnv {
  TARO_ENV?: string;
  TARO_APP_API?: string;
  TARO_APP_SANDBOX?: string;
}

export function apiBase(env: BuildEnv): string {
  if (env.TARO_APP_API !== undefined) return env.TARO_APP_API.replace(/\/+$/, '');
  return env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000';
}

export function sandboxLogin(env: BuildEnv): boolean {
  return env.TARO_APP_SANDBOX !== 'false';
}

export function buildConstants(env: BuildEnv): Record<string, string> {
  return {
    API_BASE: JSON.stringify(apiBase(env)),
    SANDBOX_LOGIN: JSON.stringify(sandboxLogin(env)),
  };
}
