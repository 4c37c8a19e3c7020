import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/configuration.js';
import { dataSourceOptions, ensureMysqlDatabase } from './data-source.js';

/**
 * Writes the next versioned MySQL migration: applies the existing migrations to the configured
 * MariaDB/MySQL, asks TypeORM for the difference to the entities, and writes it as a class.
 * Usage: MYSQL_HOST=127.0.0.1 MYSQL_DATABASE=<scratch database, dropped and rebuilt> node dist/database/generate-migration.js Name
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const db = loadConfig({ ...process.env, DB_SYNC: 'false' }).database;
if (db.type !== 'mysql') {
  console.error('set MYSQL_HOST (and MYSQL_DATABASE) to a scratch MariaDB/MySQL database');
  process.exit(2);
}
// Several developers on one machine: one generation at a time, or two would write the same tables.
const lock = path.join(tmpdir(), 'jh-migration.lock');
for (let i = 0; ; i++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (i === 0) console.log(`waiting for ${lock} (another generation is running)`);
    if (i > 600) throw new Error(`${lock} held for 10 minutes; remove it if no generation is running`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
process.on('exit', () => rmdirSync(lock));
{
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
  });
  await conn.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await conn.end();
}
await ensureMysqlDatabase(db);
const ds = new DataSource({ ...dataSourceOptions(db), migrationsRun: false });
await ds.initialize();
await ds.runMigrations();
const sql = await ds.driver.createSchemaBuilder().log();
await ds.destroy();
if (sql.upQueries.length === 0) {
  console.log('no changes: entities and migrations agree');
  process.exit(0);
}
const ts = Date.now();
const className = `${name}${ts}`;
const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
const down = [...sql.downQueries]
  .reverse()
  .map((x) => `    await queryRunner.query(${q(x.query)});`)
  .join('\n');
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/database/migrations');
const file = `${ts}-${name}.ts`;
writeFileSync(
  path.join(srcDir, file),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
);
const indexFile = path.join(srcDir, 'index.ts');
let index = readFileSync(indexFile, 'utf8');
// the import goes before the list (the file holds nothing but the imports and the list)
index = index.replace(
  /^export const MIGRATIONS/m,
  `import { ${className} } from './${ts}-${name}.js';\nexport const MIGRATIONS`,
);
index = index.replace(/export const MIGRATIONS: Function\[\] = \[([^]*?)\];/, (_m, list: string) => {
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  items.push(className);
  return `export const MIGRATIONS: Function[] = [${items.join(', ')}];`;
});
writeFileSync(indexFile, index);
console.log(`wrote src/database/migrations/${file}`);
