import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * One place that knows both databases. MySQL: versioned migrations run on start, schema sync off.
 * Embedded (better-sqlite3, WAL): schema sync, a file under the data folder kept across restarts.
 */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (db.type === 'mysql') {
    return {
      type: db.flavor,
      host: db.host,
      port: db.port,
      username: db.user,
      password: db.password,
      database: db.database,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsRun: !db.synchronize,
      synchronize: db.synchronize,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: db.poolSize,
      // mysql2 otherwise captures a stack trace for every query; errors are mapped by code here.
      extra: { trace: false },
      logging: false,
    };
  }
  restrictEmbeddedFile(db.file);
  return {
    type: 'better-sqlite3',
    database: db.file,
    entities: ENTITIES,
    synchronize: db.synchronize,
    enableWAL: true,
    prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
    },
    logging: false,
  };
}

/**
 * The embedded database holds the same personal data as MySQL would: its folder is 0700 and the
 * file is created 0600 before SQLite opens it (SQLite gives its -wal / -shm files the file's mode).
 */
export function restrictEmbeddedFile(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/**
 * Creates the MySQL database if it does not exist yet (first run on an empty server) and records
 * whether the server is MariaDB, which TypeORM must know to compare schemas correctly.
 */
export async function ensureMysqlDatabase(db: DatabaseConfig): Promise<void> {
  if (db.type !== 'mysql') return;
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
  });
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    if (/mariadb/i.test(String((rows as { v: string }[])[0]?.v))) db.flavor = 'mariadb';
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}
