import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/configuration.js';
import { dataSourceOptions, ensureMysqlDatabase } from '../database/data-source.js';
import { OrgUnit } from '../modules/org/org-unit.entity.js';
import { createOrgUnit } from '../modules/org/org.service.js';
import { User } from '../modules/users/user.entity.js';
import { whereOrgInScope } from '../common/scope/org-scope.js';
import type { Actor } from '../common/auth/actor.js';

/**
 * How cheap are scoped reads at city scale? Builds 1 city → 16 branches → 200 stations → 1,000
 * communities with 20,000 staff/people rows, then times the scoped staff-list query (count + one
 * page) for a station, a branch and the city. Prints figures; asserts nothing.
 * MySQL when MYSQL_HOST is set (database `<MYSQL_DATABASE>_bench`), else a temp embedded file.
 */
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'jh-bench-')),
};
if (env.MYSQL_HOST) env.MYSQL_DATABASE = `${env.MYSQL_DATABASE ?? 'test'}_bench`;
const db = loadConfig({ ...env, DB_SYNC: 'true' }).database;
if (db.type === 'mysql') {
  const mysql = await import('mysql2/promise');
  const c = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
  });
  await c.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await c.end();
  await ensureMysqlDatabase(db);
}
const ds = new DataSource({ ...dataSourceOptions(db), migrationsRun: false });
await ds.initialize();

const now = new Date();
const add = (code: string, name: string, level: OrgUnit['level'], parent: OrgUnit | null) =>
  createOrgUnit(ds.manager, { code, name, level, parent, createdAt: now });
const t0 = performance.now();
const city = await add('C', '市局', 'city', null);
const stations: OrgUnit[] = [];
const branches: OrgUnit[] = [];
const leaves: OrgUnit[] = [];
for (let b = 0; b < 16; b++) {
  const branch = await add(`B${b}`, `分局${b}`, 'branch', city);
  branches.push(branch);
  for (let s = 0; s < 13 && stations.length < 200; s++) {
    const st = await add(`B${b}S${s}`, `派出所${b}-${s}`, 'station', branch);
    stations.push(st);
    leaves.push(st);
    for (let c = 0; c < 5; c++) leaves.push(await add(`B${b}S${s}C${c}`, `社区${c}`, 'community', st));
  }
}
const rows: Partial<User>[] = [];
for (let i = 0; i < 20_000; i++) {
  const unit = leaves[i % leaves.length];
  rows.push({
    username: `u${i}`,
    displayName: `人员${i}`,
    orgUnitId: unit.id,
    roles: ['community_officer'],
    status: 'active',
    failedLogins: 0,
    createdAt: now,
    updatedAt: now,
  });
}
// Batches of 400: after a multi-row insert TypeORM re-reads defaults with one OR term per row, and SQLite caps expression depth at 1000.
for (let i = 0; i < rows.length; i += 400) await ds.getRepository(User).insert(rows.slice(i, i + 400));
const seedMs = performance.now() - t0;

const actorAt = (u: OrgUnit): Actor => ({
  userId: 0,
  displayName: '',
  openid: null,
  staffRoles: ['station_officer'],
  roles: ['station_officer'],
  orgUnitId: u.id,
  orgPath: u.path,
  isStaff: true,
  ip: null,
});

async function time(label: string, unit: OrgUnit, runs: number) {
  const samples: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const qb = ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.orgUnit', 'ou')
      .where('u.username IS NOT NULL');
    const [, count] = await whereOrgInScope(qb, actorAt(unit), 'u.orgUnitId')
      .orderBy('u.id', 'ASC')
      .offset(0)
      .limit(20)
      .getManyAndCount();
    samples.push(performance.now() - start);
    total = count;
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(2);
  console.log(
    `${label.padEnd(8)} rows in scope ${String(total).padStart(6)}   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms   (${runs} runs)`,
  );
  return { label, inScope: total, p50Ms: Number(p(0.5)), p99Ms: Number(p(0.99)) };
}

console.log(
  `database: ${db.type}; seeded ${leaves.length + branches.length + 1} org units and 20,000 people in ${(seedMs / 1000).toFixed(1)} s`,
);
const results = [
  await time('station', stations[100], 200),
  await time('branch', branches[7], 200),
  await time('city', city, 100),
];
await ds.destroy();
console.log(JSON.stringify({ db: db.type, stations: stations.length, people: 20000, results }));
