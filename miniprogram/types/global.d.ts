/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

/** Defined at build time by config/constants.ts (and by vitest.config.ts for tests). */
declare const API_BASE: string;
declare const SANDBOX_LOGIN: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | string;
    TARO_APP_API?: string;
    /** Set by config/index.ts from the build mode for app.config.ts: never "true" in production. */
    JH_BUILD_SANDBOX_LOGIN?: string;
  }
}
