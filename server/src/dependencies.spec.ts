import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every dependency a package declares is imported somewhere (code, tests, build config); a mention
 * in a config string such as a resolve alias does not count. Packages used without an import
 * (peers, plugins loaded by a tool, type packages, command-line tools) are listed with the reason.
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const IMPLICIT: Record<string, Record<string, string>> = {
  server: {
    rxjs: 'peer dependency of @nestjs/common and @nestjs/core',
    '@swc/core': 'compiler behind @swc/jest',
    '@swc/jest': 'Jest transformer named in jest.config.js',
    '@types/better-sqlite3': 'types',
    '@types/jest': 'types',
    '@types/node': 'types',
    '@types/supertest': 'types',
    '@types/yauzl': 'types',
    jest: 'test runner (package scripts)',
    typescript: 'tsc (package scripts)',
  },
  miniprogram: {
    '@babel/core': 'babel-preset-taro and the webpack runner',
    '@babel/preset-react': 'babel-preset-taro',
    '@babel/runtime': 'helpers emitted by the Babel transform',
    'babel-preset-taro': "the 'taro' preset of babel.config.js",
    '@tarojs/cli': 'taro build (package scripts)',
    '@tarojs/helper': 'Taro build',
    '@tarojs/plugin-framework-react': "loaded by Taro for framework: 'react'",
    '@tarojs/plugin-platform-h5': 'loaded by Taro for the H5 build',
    '@tarojs/plugin-platform-weapp': 'loaded by Taro for the weapp build',
    '@tarojs/react': 'Taro React renderer (runtime)',
    '@tarojs/router': 'H5 router (runtime)',
    '@tarojs/runtime': 'Taro runtime',
    '@tarojs/shared': 'Taro runtime',
    '@tarojs/taro-loader': 'webpack loader used by the runner',
    '@tarojs/webpack5-runner': "compiler: 'webpack5'",
    '@types/node': 'types',
    '@types/react': 'types',
    '@types/webpack-env': 'types (tsconfig)',
    typescript: 'tsc (package scripts)',
    vitest: 'test runner (package scripts)',
  },
};

const SCANNED = /\.(ts|tsx|js|mjs|cjs|json|scss)$/;

function texts(target: string): string[] {
  if (!statSync(target, { throwIfNoEntry: false })) return [];
  if (!statSync(target).isDirectory()) return SCANNED.test(target) ? [readFileSync(target, 'utf8')] : [];
  return readdirSync(target).flatMap((name) =>
    ['node_modules', 'dist', 'test-artifacts'].includes(name) ? [] : texts(path.join(target, name)),
  );
}

function unused(pkg: 'server' | 'miniprogram'): string[] {
  const dir = path.join(REPO, pkg);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const code = readdirSync(dir)
    .filter((name) => name !== 'package.json')
    .flatMap((name) => texts(path.join(dir, name)))
    .join('\n');
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
    (dep) =>
      !IMPLICIT[pkg][dep] &&
      !new RegExp(`(from|import|require\\()\\s*\\(?\\s*['"]${dep.replace(/[/.]/g, '\\$&')}['"/]`).test(code),
  );
}

describe('declared dependencies', () => {
  it.each(['server', 'miniprogram'] as const)('%s declares no dependency that nothing uses', (pkg) => {
    expect(unused(pkg)).toEqual([]);
  });
});
