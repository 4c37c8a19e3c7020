import path from 'node:path';
import { bool, dataDirOf, defineConfig, isProduction } from './config-area.js';
import { envNumbers } from './env-number.js';

export type DatabaseConfig =
  | { type: 'better-sqlite3'; file: string; synchronize: boolean }
  | {
      type: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      synchronize: boolean;
      poolSize: number;
      /** MariaDB and MySQL differ in how they report column defaults; detected on connect. */
      flavor: 'mysql' | 'mariadb';
    };

/**
 * MySQL / MariaDB when MYSQL_HOST is set (MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE,
 * MYSQL_POOL_SIZE, MYSQL_FLAVOR), else the embedded database under DATA_DIR. DB_SYNC: schema sync,
 * on by default for the embedded database only; production requires MySQL with migrations.
 */
export const databaseConfig = defineConfig('database', (env, problems): DatabaseConfig => {
  const { int } = envNumbers(env, problems);
  const mysqlHost = env.MYSQL_HOST;
  const synchronize = bool(env.DB_SYNC, !mysqlHost);
  if (isProduction(env)) {
    if (synchronize) problems.push('DB_SYNC (schema synchronisation) must be off in production; run migrations');
    if (!mysqlHost) problems.push('production requires MySQL (set MYSQL_HOST)');
  }
  if (!mysqlHost) return { type: 'better-sqlite3', file: path.join(dataDirOf(env), 'jianghuai.sqlite'), synchronize };
  return {
    type: 'mysql',
    host: mysqlHost,
    port: int('MYSQL_PORT', 3306, 1, 65535),
    user: env.MYSQL_USER ?? 'root',
    password: env.MYSQL_PASSWORD ?? '',
    database: env.MYSQL_DATABASE ?? 'jianghuai',
    synchronize,
    poolSize: int('MYSQL_POOL_SIZE', 10, 1, 500),
    flavor: env.MYSQL_FLAVOR === 'mariadb' ? 'mariadb' : 'mysql',
  };
});
