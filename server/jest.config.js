/** Jest runs the ESM server code through @swc/jest (no type check here: `tsc --noEmit` does that). */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'es6' },
    },
  ],
};
// content-disposition 3 is ESM-only and @fastify/static require()s it; Node itself loads that
// (require of ESM), Jest's module loader does not before Node 24.9, so Jest compiles it to CommonJS.
const ESM_REQUIRED_FROM_CJS = ['content-disposition'];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    ...transform,
    [`/node_modules/(${ESM_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${ESM_REQUIRED_FROM_CJS.join('|')})[@/])`],
  testEnvironment: 'node',
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
  // a global option in jest (ignored inside projects): e2e suites start apps and import 10,000 rows
  testTimeout: 60000,
};
