import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock/clock.js';
import { ENTITIES } from '../../src/database/entities.js';
import { logger } from '../../src/common/logging/logger.js';

// No app is built in the unit tier, so nothing sets the level from LOG_LEVEL: keep expected warnings quiet.
logger.level = 'error';

/**
 * The unit tier's database: the real schema in an in-memory SQLite database, one per spec file, so a
 * service under test reads and writes through its real repositories without a server or a network.
 * Create it in `beforeAll`, `destroy()` it in `afterAll`; `clear()` between tests when they must not
 * see each other's rows.
 */
export async function unitDataSource(): Promise<DataSource> {
  const ds = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: ENTITIES,
    synchronize: true,
    prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
      sqlite.pragma('foreign_keys = ON');
    },
    logging: false,
  });
  return ds.initialize();
}

/** Empties every table (children first, as the foreign keys need). */
export async function clearTables(ds: DataSource): Promise<void> {
  await ds.query('PRAGMA foreign_keys = OFF');
  for (const meta of ds.entityMetadatas) await ds.query(`DELETE FROM "${meta.tableName}"`);
  await ds.query('PRAGMA foreign_keys = ON');
}

/**
 * A clock fixed at `iso` in the business zone (it then runs on in real time, as in production).
 * Unit specs pick instants on both sides of 16:00 UTC where a business date is involved.
 */
export function clockAt(iso: string, zone = 'Asia/Shanghai'): Clock {
  return new Clock(zone, new Date(iso));
}

/** The error code a service call was refused with, or 'ok': `expect(await errorCode(sut.x())).toBe('NOT_FOUND')`. */
export function errorCode(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: { code: string }) => e.code,
  );
}
