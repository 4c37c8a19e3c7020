// ESLint for every package (flat config). Run with `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { builtinModules } from 'node:module';
import { moduleBoundariesConfig } from './module-boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tools/**',
      '**/test-artifacts/**',
      '**/*.d.ts',
      '**/coverage/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off', // TypeORM's migration list is typed Function[]
    },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // pages reach the server only through services/ and the hooks; browser-only globals live in `.h5.ts(x)` twins
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    ignores: ['miniprogram/src/services/**', 'miniprogram/src/**/*.h5.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/http', '**/services/http-client'],
              importNames: ['get', 'post', 'http', 'createHttpClient'],
              message: 'Call the server through a function in services/ (or a hook), not the http client.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        ...['request', 'uploadFile', 'downloadFile'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Requests go through services/.',
        })),
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator'].map((name) => ({
          name,
          message: 'Browser-only: put it in an `.h5.ts(x)` file with a WeChat twin (see platform/files.ts).',
        })),
      ],
    },
  },
  {
    // the same browser-only rule for services (which may use the http client)
    files: ['miniprogram/src/services/**/*.{ts,tsx}'],
    ignores: ['miniprogram/src/**/*.h5.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator'].map((name) => ({
          name,
          message: 'Browser-only: put it in an `.h5.ts(x)` file with a WeChat twin (see platform/files.ts).',
        })),
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // common code is used by every module and imports none of them (modules provide what it needs, e.g. ActorSource)
    files: ['server/src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/modules/**'], message: 'server/src/common must not import a module.' }] },
      ],
    },
  },
  {
    // the environment is read and validated once, in server/src/config (scripts build the env they pass to it)
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/config/**',
      'server/src/bench/**',
      'server/src/scripts/**',
      'server/src/database/migrations/**',
      'server/src/database/generate-migration.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read environment variables in a server/src/config area and inject it (@Inject(xConfig.KEY)).',
        },
      ],
    },
  },
  {
    // a shipped migration runs the same SQL forever: only typeorm, node built-ins and files beside it
    files: ['server/src/database/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!(typeorm|node:.+|${builtinModules.join('|')})$|\\./(?!.*\\.\\./))`,
              message: 'A migration imports only typeorm, node built-ins and files in migrations/ (copy the SQL).',
            },
          ],
        },
      ],
    },
  },
  // each server module owns its tables and imports only the modules its row in module-boundaries.mjs allows
  moduleBoundariesConfig(boundaries),
  // Size budgets (lines at print width 120, blank lines and comments included; docs/developing.md):
  // a controller only maps routes, a service stays one cohesive job, a function fits on a screen.
  // Tests are exempt: a journey reads best as one long story.
  {
    files: ['server/src/**/*.controller.ts'],
    rules: { 'max-lines': ['error', { max: 200 }] },
  },
  {
    files: ['server/src/**/*.service.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['server/src/**/*.{ts,tsx}', 'shared/src/**/*.{ts,tsx}', 'miniprogram/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts', '**/*.test.{ts,tsx}', 'shared/src/__tests__/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    // browser tests pass functions to page.evaluate(), which run in the page
    files: ['miniprogram/test/browser/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
