import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import type { Actor } from '../common/auth/actor.js';
import { loadConfig } from '../config/configuration.js';
import { ensureMysqlDatabase } from '../database/data-source.js';
import { OrgUnit } from '../modules/org/org-unit.entity.js';
import { createOrgUnit } from '../modules/org/org.service.js';
import { DashboardService } from '../modules/stats/dashboard.service.js';
import { StatsRefresh } from '../modules/stats/stats-refresh.js';

/**
 * `npm run bench:dashboard` (docs/dashboard.md#benchmark): the city dashboard at two data sizes 100× apart on MariaDB.
 * Each size gets its own database (`<MYSQL_DATABASE>_dash_small|large`, schema by sync): 1 city → 10 branches → 100
 * stations → 300 communities, then volunteers, confirmed attendance rows (activity_signups) over their activities,
 * companies with roster guards (60 % of them joined), tips and points lots, spread over two years, generated with
 * multi-row INSERTs of 5,000 rows into tables whose secondary indexes are built after the load. The summary is built
 * by the stats-refresh job; then the city officer's dashboard (the service call behind GET /admin/dashboard) is timed,
 * 21 runs, median. Prints figures; asserts nothing.
 * Last line: {"smallRows","largeRows","smallMs","largeMs","ratio","countersMatch"}.
 */
const LARGE = {
  volunteers: 500_000,
  attendance: 5_000_000,
  roster: 300_000,
  companies: 2_000,
  tips: 100_000,
  lots: 200_000,
};
const PER_ACTIVITY = 50;
const BATCH = 5_000;
const RUNS = 21;
const DAY_MS = 86_400_000;

if (!process.env.MYSQL_HOST) process.env.MYSQL_HOST = '127.0.0.1';

type Sizes = typeof LARGE;
const scaled = (f: number): Sizes =>
  Object.fromEntries(Object.entries(LARGE).map(([k, v]) => [k, Math.max(1, Math.round(v * f))])) as Sizes;

const pad = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 23);
/** A deterministic spread over the last two years (an LCG: the same data every run). */
function spread(i: number, now: number): Date {
  const r = ((i * 1_103_515_245 + 12_345) >>> 0) % 730_000;
  return new Date(now - (r / 1000) * DAY_MS);
}

async function insertRows(ds: DataSource, table: string, columns: string[], count: number, row: (i: number) => string) {
  await withoutSecondaryIndexes(ds, table, async () => {
    for (let i = 0; i < count; i += BATCH) {
      const values: string[] = [];
      for (let k = i; k < Math.min(count, i + BATCH); k++) values.push(`(${row(k)})`);
      await ds.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);
    }
  });
}

/**
 * Loads a table with its secondary indexes dropped and builds them again after, in one ALTER (a sorted build): inserting
 * millions of rows with random keys into four indexes is bound by the buffer pool (≈ 2,000 rows/s with MariaDB's default
 * 128 MB), the sorted build is not. Indexes a foreign key needs stay. The bench's own database only.
 */
async function withoutSecondaryIndexes(ds: DataSource, table: string, load: () => Promise<void>) {
  const rows: { Key_name: string; Non_unique: number | string; Column_name: string; Seq_in_index: number | string }[] =
    await ds.query(`SHOW INDEX FROM \`${table}\` WHERE Key_name <> 'PRIMARY'`);
  const indexes = new Map<string, { unique: boolean; columns: string[] }>();
  for (const r of [...rows].sort((a, b) => Number(a.Seq_in_index) - Number(b.Seq_in_index))) {
    const ix = indexes.get(r.Key_name) ?? { unique: Number(r.Non_unique) === 0, columns: [] };
    ix.columns.push(r.Column_name);
    indexes.set(r.Key_name, ix);
  }
  const dropped: string[] = [];
  for (const [name, ix] of indexes) {
    try {
      await ds.query(`ALTER TABLE \`${table}\` DROP INDEX \`${name}\``);
      const cols = ix.columns.map((c) => `\`${c}\``).join(', ');
      dropped.push(`ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${cols})`);
    } catch {
      // needed by a foreign key: it stays
    }
  }
  await load();
  if (dropped.length) await ds.query(`ALTER TABLE \`${table}\` ${dropped.join(', ')}`);
}

async function buildOrg(ds: DataSource): Promise<{ city: OrgUnit; stations: OrgUnit[]; now: Date }> {
  const now = new Date();
  const add = (code: string, name: string, level: OrgUnit['level'], parent: OrgUnit | null) =>
    createOrgUnit(ds.manager, { code, name, level, parent, createdAt: now });
  const city = await add('C', '市局', 'city', null);
  const stations: OrgUnit[] = [];
  for (let b = 0; b < 10; b++) {
    const branch = await add(`B${b}`, `分局${b}`, 'branch', city);
    for (let s = 0; s < 10; s++) {
      const st = await add(`B${b}S${s}`, `派出所${b}-${s}`, 'station', branch);
      stations.push(st);
      for (let c = 0; c < 3; c++) await add(`B${b}S${s}C${c}`, `社区${c}`, 'community', st);
    }
  }
  return { city, stations, now };
}

interface Gen {
  ds: DataSource;
  n: Sizes;
  st: (i: number) => OrgUnit;
  nowDate: Date;
  now: number;
}

async function generate(ds: DataSource, n: Sizes, stations: OrgUnit[], nowDate: Date): Promise<number> {
  const g: Gen = { ds, n, st: (i) => stations[i % stations.length], nowDate, now: nowDate.getTime() };
  await volunteers(g);
  await companiesAndRoster(g);
  const activities = await activitiesAndAttendance(g);
  await tipsAndLots(g);
  return n.volunteers + n.companies + n.roster + activities + n.attendance + n.tips + n.lots;
}

/** Volunteers over two years, 1 in 20 revoked half-way; the first 60 % of the roster's ID hashes are members. */
async function volunteers({ ds, n, st, now }: Gen) {
  const joinedGuards = Math.floor(n.roster * 0.6);
  await insertRows(
    ds,
    'volunteers',
    [
      'userId',
      'memberNo',
      'status',
      'stationId',
      'tier',
      'skills',
      'joinedAt',
      'createdAt',
      'statusChangedAt',
      'idHash',
    ],
    n.volunteers,
    (i) => {
      const joined = spread(i, now);
      const left = i % 20 === 7;
      const changed = left ? `'${pad(new Date(joined.getTime() + ((now - joined.getTime()) >> 1)))}'` : 'NULL';
      const tier = i % 10 === 0 ? 'core' : i % 10 < 3 ? 'backbone' : 'basic';
      const hash = i < joinedGuards ? `'h${i}'` : 'NULL';
      return `${i + 1}, 'B${i}', '${left ? 'revoked' : 'active'}', ${st(i).id}, '${tier}', '[]', '${pad(joined)}', '${pad(joined)}', ${changed}, ${hash}`;
    },
  );
}

async function companiesAndRoster({ ds, n, st, nowDate }: Gen) {
  await insertRows(
    ds,
    'companies',
    ['name', 'type', 'creditCode', 'homeStationId', 'equipment', 'createdAt', 'updatedAt'],
    n.companies,
    (c) => {
      const type = ['security_company', 'self_recruiting', 'property'][c % 3];
      return `'公司${c}', '${type}', 'C${String(c).padStart(17, '0')}', ${st(c).id}, '{}', '${pad(nowDate)}', '${pad(nowDate)}'`;
    },
  );
  const firstCompany = Number((await ds.query('SELECT MIN(id) AS id FROM companies'))[0].id);
  await insertRows(
    ds,
    'roster_guards',
    ['companyId', 'name', 'idEnc', 'idHash', 'certified', 'createdAt', 'updatedAt'],
    n.roster,
    (j) =>
      `${firstCompany + (j % n.companies)}, '保安${j}', 'x', 'h${j}', ${j % 3 === 0 ? 0 : 1}, '${pad(nowDate)}', '${pad(nowDate)}'`,
  );
}

/** Settled activities (half of them patrols) with 50 confirmed attendance rows each. */
async function activitiesAndAttendance({ ds, n, st, nowDate, now }: Gen): Promise<number> {
  const activities = Math.ceil(n.attendance / PER_ACTIVITY);
  const actCols = [
    'orgUnitId',
    'orgPath',
    'title',
    'type',
    'description',
    'address',
    'lat',
    'lng',
    'radiusM',
    'startAt',
    'endAt',
    'signupDeadline',
    'cancelDeadline',
    'capacity',
    'requirements',
    'riskLevel',
    'pointsRule',
    'pointsAmount',
    'mode',
    'signupMode',
    'status',
    'createdAt',
    'updatedAt',
  ];
  await insertRows(ds, 'activities', actCols, activities, (a) => {
    const s = st(a);
    const start = pad(spread(a + 7, now));
    const type = a % 2 === 0 ? 'street_patrol' : 'training_drill';
    return `${s.id}, '${s.path}', '巡逻${a}', '${type}', '-', '-', 31.6, 118.5, 300, '${start}', '${start}', '${start}', '${start}', ${PER_ACTIVITY}, '{}', 'normal', 'per_hour', 10, 'daily', 'instant', 'settled', '${start}', '${start}'`;
  });
  const firstActivity = Number((await ds.query('SELECT MIN(id) AS id FROM activities'))[0].id);
  await insertRows(
    ds,
    'activity_signups',
    ['activityId', 'volunteerId', 'userId', 'status', 'attendance', 'confirmedMinutes', 'createdAt', 'updatedAt'],
    n.attendance,
    (i) => {
      const v = ((i * 7919) % n.volunteers) + 1;
      return `${firstActivity + Math.floor(i / PER_ACTIVITY)}, ${v}, ${v}, 'confirmed', 'confirmed', 120, '${pad(nowDate)}', '${pad(nowDate)}'`;
    },
  );
  return activities;
}

async function tipsAndLots({ ds, n, st, nowDate, now }: Gen) {
  const tipCols = ['submitterUserId', 'volunteerId', 'clientRequestId', 'orgUnitId', 'orgPath', 'category', 'text'];
  await insertRows(
    ds,
    'tips',
    [...tipCols, 'occurredAt', 'urgency', 'status', 'createdAt', 'updatedAt', 'version'],
    n.tips,
    (j) => {
      const at = pad(spread(j + 3, now));
      const status = ['submitted', 'accepted', 'closed', 'closed', 'rejected'][j % 5];
      const who = (j % n.volunteers) + 1;
      return `${who}, ${who}, 'b${j}', ${st(j).id}, '${st(j).path}', 'other', '-', '${at}', '${j % 7 === 0 ? 'urgent' : 'normal'}', '${status}', '${at}', '${at}', 0`;
    },
  );
  await insertRows(
    ds,
    'points_lots',
    ['userId', 'entryId', 'awardingOrgId', 'awardingOrgPath', 'amount', 'remaining', 'createdAt'],
    n.lots,
    (j) =>
      `${(j % n.volunteers) + 1}, ${j + 1}, ${st(j).id}, '${st(j).path}', 10, ${j % 2 === 0 ? 10 : 0}, '${pad(nowDate)}'`,
  );
}

/** `--reuse`: time again on the databases of the previous run (no generation; the job runs once more). */
const REUSE = process.argv.includes('--reuse');

async function openApp(name: string): Promise<INestApplicationContext> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'jh-bench-')),
    MYSQL_DATABASE: name,
    DB_SYNC: 'true',
    JOBS_SCHEDULER: 'off',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
  };
  const config = loadConfig(env);
  const db = config.database;
  if (db.type !== 'mysql') throw new Error('bench:dashboard needs MariaDB (MYSQL_HOST)');
  const mysql = await import('mysql2/promise');
  const c = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  if (!REUSE) await c.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await c.end();
  await ensureMysqlDatabase(db);
  return NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
}

async function measure(label: string, f: number) {
  const app = await openApp(`${process.env.MYSQL_DATABASE ?? 'test'}_dash_${label}`);
  try {
    const ds = app.get(DataSource);
    const n = scaled(f);
    const g0 = performance.now();
    let city: OrgUnit;
    let rows = 0;
    if (REUSE) {
      city = await ds.getRepository(OrgUnit).findOneByOrFail({ level: 'city' });
      for (const t of [
        'volunteers',
        'companies',
        'roster_guards',
        'activities',
        'activity_signups',
        'tips',
        'points_lots',
      ])
        rows += Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    } else {
      const org = await buildOrg(ds);
      city = org.city;
      rows = await generate(ds, n, org.stations, org.now);
    }
    const genMs = Math.round(performance.now() - g0);
    const refresh = app.get(StatsRefresh);
    const j0 = performance.now();
    const job = await refresh.run();
    const jobMs = Math.round(performance.now() - j0);
    const actor: Actor = {
      userId: 1,
      displayName: '市局',
      openid: null,
      staffRoles: ['city_officer'],
      roles: ['city_officer'],
      orgUnitId: city.id,
      orgPath: city.path,
      isStaff: true,
      ip: null,
    };
    const service = app.get(DashboardService);
    await service.dashboard(actor); // warm-up
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await service.dashboard(actor);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = Math.round(times[Math.floor(RUNS / 2)] * 10) / 10;
    const matches = (await refresh.rebuild(false)).length === 0;
    console.log(
      `${label}: ${rows} rows (${n.volunteers} volunteers, ${n.attendance} attendance rows) generated in ${genMs} ms; ` +
        `stats-refresh ${jobMs} ms (${job.rows} summary rows); city dashboard median ${ms} ms of ${RUNS}; rebuild matches: ${matches}`,
    );
    return { rows, ms, matches };
  } finally {
    await app.close();
  }
}

const small = await measure('small', 0.01);
// `--small-only`: a quick check of the generator and the figures without the large size
const large = process.argv.includes('--small-only') ? small : await measure('large', 1);
console.log(
  JSON.stringify({
    smallRows: small.rows,
    largeRows: large.rows,
    smallMs: small.ms,
    largeMs: large.ms,
    ratio: Math.round((large.ms / small.ms) * 100) / 100,
    countersMatch: small.matches && large.matches,
  }),
);
