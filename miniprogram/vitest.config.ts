import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { buildConstants } from './config/constants';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Taro's build-time switches, as its webpack runner defines them for H5.
const TARO_FLAGS = {
  ENABLE_INNER_HTML: 'true',
  ENABLE_ADJACENT_HTML: 'true',
  ENABLE_SIZE_APIS: 'true',
  ENABLE_TEMPLATE_CONTENT: 'true',
  ENABLE_CLONE_NODE: 'true',
  ENABLE_CONTAINS: 'true',
  ENABLE_MUTATION_OBSERVER: 'true',
  DEPRECATED_ADAPTER_COMPONENT: 'false',
  'process.env.TARO_ENV': JSON.stringify('h5'),
  'process.env.TARO_PLATFORM': JSON.stringify('web'),
  'process.env.SUPPORT_TARO_POLYFILL': JSON.stringify('disabled'),
};

// Taro's published files point at sourcemaps they do not ship, and vite warns about each one.
const stripDependencySourcemaps = {
  name: 'jh-strip-dependency-sourcemaps',
  enforce: 'pre' as const,
  load(id: string) {
    const file = id.split('?')[0];
    if (!/node_modules\/@tarojs\/.+\.js$/.test(file)) return null;
    return { code: readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''), map: null };
  },
};

export default defineConfig({
  plugins: [stripDependencySourcemaps],
  define: { ...TARO_FLAGS, ...buildConstants({ TARO_ENV: 'h5', TARO_APP_API: '' }) },
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' },
      { find: /^@tarojs\/taro$/, replacement: here('./test/support/taro-shim.ts') },
    ],
  },
  test: {
    environment: 'jsdom',
    setupFiles: [here('./test/support/setup.ts')],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    server: { deps: { inline: [/@tarojs\//] } },
  },
});
