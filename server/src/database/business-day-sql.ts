import type { DataSource, EntityManager } from 'typeorm';

/**
 * The business date (YYYY-MM-DD, Asia/Shanghai: UTC+8 all year) of a datetime column as SQL on either database, for
 * summary queries that group rows by day without reading them one by one.
 */
export function businessDaySql(db: DataSource | EntityManager, column: string): string {
  const type = ('connection' in db ? db.connection : db).options.type;
  return type === 'better-sqlite3'
    ? `date(${column}, '+8 hours')`
    : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
}
