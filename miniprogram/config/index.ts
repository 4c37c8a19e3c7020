import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { buildProfile, SANDBOX_LOGIN_ENV } from './constants';

const sharedPackage = path.resolve(__dirname, '../../shared');

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  // The build mode decides: `taro build` (mode production) leaves the demo login out and needs an
  // https API address for the weapp; `--mode demo` (local demo, browser journeys) builds it in.
  const profile = buildProfile(process.env, mode);
  process.env[SANDBOX_LOGIN_ENV] = String(profile.sandboxLogin);
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jianghuai-yijing',
    date: '2026-01-01',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(profile.apiBase), SANDBOX_LOGIN: JSON.stringify(profile.sandboxLogin) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedPackage] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedPackage] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of
        // the components and services (~90 KB each). Share them between pages instead.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
